using System.Globalization;
using System.Runtime.InteropServices;

namespace Flux.Bench;

/// <summary>
/// The machine's other load during a benchmark, printed beside its figures so a noisy run can be recognised: CPU time the
/// whole machine spent (/proc/stat) minus the CPU time of this process and its descendants (the apps, node, wrk, builds
/// it started), and the load average at both ends.
/// </summary>
public sealed class MachineLoad
{
    private static readonly double TicksPerSecond = SysConf(ClockTicks);
    private static readonly System.Collections.Concurrent.ConcurrentBag<int> AdoptedRoots = [];

    // Monotonic, as the benchmarks' Stopwatches and wrk's durations are: the wall clock once ran 29 s ahead of them in an 84 s run.
    private readonly long startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
    private readonly double machineStart = MachineBusySeconds();
    private readonly double ownStart = OwnTreeSeconds();
    private readonly string loadStart = LoadAverage();

    public static MachineLoad Start() => new();

    /// <summary>
    /// Counts a process the run started that is not its descendant (a PostgreSQL server, which pg_ctl leaves running on
    /// its own) and that process's descendants as the run's own.
    /// </summary>
    public static void CountAsOwn(int pid) => AdoptedRoots.Add(pid);

    /// <summary>CPU time so far of the processes counted as own by <see cref="CountAsOwn"/> (the PostgreSQL server's).</summary>
    public static double AdoptedCpuSeconds() => TreeSeconds(AdoptedRoots);

    /// <summary>e.g. "own 52 CPU-s; other processes: 0.6 of 2 cores (37 CPU-s in 61 s); load average 2.1 → 3.4".</summary>
    public string Describe()
    {
        var wall = System.Diagnostics.Stopwatch.GetElapsedTime(startedAt).TotalSeconds;
        var own = OwnTreeSeconds() - ownStart;
        var other = Math.Max(0, MachineBusySeconds() - machineStart - own);
        return string.Create(CultureInfo.InvariantCulture,
            $"own {own:N0} CPU-s; other processes: {other / wall:N1} of {Environment.ProcessorCount} cores ({other:N0} CPU-s in {wall:N0} s); load average {loadStart} → {LoadAverage()}");
    }

    /// <summary>Busy CPU time of all cores: user, nice, system, irq, softirq, steal (guest time is inside user).</summary>
    private static double MachineBusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7]) / TicksPerSecond;
    }

    /// <summary>
    /// CPU time of this process (and of each adopted one), of its children it has reaped (cutime, cstime: an ended child counts with its own reaped
    /// children), and of its descendants still running (each with its reaped children), so every process it started counts
    /// exactly once whether it is still running or not.
    /// </summary>
    private static double OwnTreeSeconds() => TreeSeconds(AdoptedRoots.Append(Environment.ProcessId));

    private static double TreeSeconds(IEnumerable<int> roots)
    {
        var processes = new Dictionary<int, (int Parent, long Ticks, long ReapedTicks)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && ReadStat(pid) is { } stat)
                processes[pid] = stat;
        }
        long total = 0;
        foreach (var root in roots)
        {
            total += processes.TryGetValue(root, out var own) ? own.Ticks + own.ReapedTicks : 0;
            foreach (var (pid, stat) in processes)
            {
                if (pid != root && DescendsFrom(pid, root, processes))
                    total += stat.Ticks + stat.ReapedTicks;
            }
        }
        return total / TicksPerSecond;
    }

    private static bool DescendsFrom(int pid, int ancestor, Dictionary<int, (int Parent, long Ticks, long ReapedTicks)> processes)
    {
        for (var hops = 0; hops < 64 && processes.TryGetValue(pid, out var stat); hops++)
        {
            if (stat.Parent == ancestor)
                return true;
            pid = stat.Parent;
        }
        return false;
    }

    /// <summary>Parent, utime + stime, cutime + cstime of /proc/&lt;pid&gt;/stat; null when the process is gone.</summary>
    private static (int Parent, long Ticks, long ReapedTicks)? ReadStat(int pid)
    {
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        // The command name (field 2) may hold spaces and parentheses: the other fields follow its last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return ((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private const int ClockTicks = 2; // _SC_CLK_TCK on Linux

    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long SysConf(int name);
}
