using System.Globalization;

namespace Flux.Bench;

/// <summary>
/// One reading of an app's memory during the soak: its resident memory (VmRSS) split as the kernel counts it (anonymous:
/// the GC heap, native allocations such as SQLite's page caches; file: mapped code and files; shared: SQLite's WAL
/// index), the GC's own view (heap size, memory committed), and the size of its database files.
/// </summary>
public sealed record MemorySample(TimeSpan At, long Resident, long Anonymous, long File, long Shared, double GcHeapMb, double GcCommittedMb,
    long DatabaseBytes, long WalBytes, int Orders)
{
    public static MemorySample Take(TimeSpan at, int pid, RuntimeCounters counters, string dataFolder, int orders)
    {
        var rss = ResidentOf(pid);
        return new MemorySample(at, rss.Resident, rss.Anonymous, rss.File, rss.Shared,
            counters.Latest("gc-heap-size"), counters.Latest("gc-committed"),
            SizeOf(Path.Combine(dataFolder, "flux.db")), SizeOf(Path.Combine(dataFolder, "flux.db-wal")), orders);
    }

    /// <summary>A process's resident memory (VmRSS) and its parts as the kernel counts them, in bytes.</summary>
    public static (long Resident, long Anonymous, long File, long Shared) ResidentOf(int pid)
    {
        var status = System.IO.File.ReadLines($"/proc/{pid}/status")
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && p[0].StartsWith("Rss", StringComparison.Ordinal) || p[0] == "VmRSS")
            .ToDictionary(p => p[0], p => long.Parse(p[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024);
        return (status["VmRSS"], status["RssAnon"], status["RssFile"], status["RssShmem"]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(int)At.TotalMinutes:00}:{At.Seconds:00}  RSS {Mb(Resident),5:N0} MB (anon {Mb(Anonymous):N0}, file {Mb(File):N0}, shared {Mb(Shared):N0}); " +
        $"GC heap {GcHeapMb:N0} MB, committed {GcCommittedMb:N0} MB; flux.db {Mb(DatabaseBytes):N0} MB + WAL {Mb(WalBytes):N0} MB; {Orders:N0} orders");

    private static double Mb(long bytes) => bytes / 1048576.0;

    private static long SizeOf(string file) => System.IO.File.Exists(file) ? new FileInfo(file).Length : 0;
}
