using System.Diagnostics;
using System.Globalization;
using Flux.Dashboard.Api.RateLimiting;
using Flux.Dashboard.Tests.Support;

namespace Flux.Bench;

/// <summary>
/// P10: steady load on one instance (the built app as its own process, Production, its default rate limits) for 30
/// minutes: <see cref="Clients"/> API clients, each a merchant of its own (<see cref="SoakClient"/>), create and pay
/// orders as fast as their keys' limits allow while order status streams and event streams open and close. The app's
/// memory is sampled every 15 s (<see cref="MemorySample"/>); the figures are its growth from minute 5 to the end, the
/// errors (answers, streams, and errors the app logged) and the p99 of order + payment.
/// </summary>
public static class SoakBenchmark
{
    private const int Clients = 4;

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchSize size)
    {
        var duration = size.Pick(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(12));
        var sampleEvery = size.Pick(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(2));
        var steadyFrom = duration / 6;
        var folder = Path.Combine(Path.GetTempPath(), "flux-bench", Guid.NewGuid().ToString("N"));
        try
        {
            var keys = await SeedMerchantsAsync(folder);
            var log = Path.Combine(folder, "app.log");
            await using var app = FluxProcess.Start(folder, "Production", logFile: log);
            await app.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            await using var counters = new RuntimeCounters(app.Id, sampleEvery);

            var keyLimit = new ApiRateLimitOptions().TestKeyRequests;
            var clients = keys.Select(key => new SoakClient(app.BaseAddress, key, keyLimit)).ToList();
            using var stop = new CancellationTokenSource(duration);
            var clock = Stopwatch.StartNew();
            var load = Task.WhenAll(clients.Select(c => c.RunAsync(stop.Token)));
            var samples = new List<MemorySample>();
            for (var next = sampleEvery; next <= duration; next += sampleEvery)
            {
                await Task.Delay(next - clock.Elapsed > TimeSpan.Zero ? next - clock.Elapsed : TimeSpan.Zero);
                samples.Add(MemorySample.Take(clock.Elapsed, app.Id, counters, folder, clients.Sum(c => c.Orders)));
                Console.WriteLine($"  {samples[^1]}");
            }
            await load;
            return Figures(clients, samples, steadyFrom, duration, AppErrors(log));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* the app may still be closing its files */ }
        }
    }

    private static IReadOnlyList<Figure> Figures(List<SoakClient> clients, List<MemorySample> samples, TimeSpan steadyFrom, TimeSpan duration,
        IReadOnlyList<string> appErrors)
    {
        var steady = samples.First(s => s.At >= steadyFrom);
        var end = samples[^1];
        var latencies = clients.SelectMany(c => c.Latencies).ToList();
        var errors = clients.SelectMany(c => c.Errors).GroupBy(e => e.Key).Select(g => (Error: g.Key, Count: g.Sum(e => e.Value)))
            .Concat(appErrors.GroupBy(e => e).Select(g => (Error: $"app logged: {g.Key}", Count: g.Count())))
            .OrderByDescending(e => e.Count).ToList();
        var span = $"{Minutes(steady.At)} → {Minutes(end.At)}";
        return
        [
            Figure.AtMost($"P10 RSS growth, {span}", 100.0 * (end.Resident - steady.Resident) / steady.Resident, "%", 10,
                $"RSS {Mb(samples[0].Resident)} at {Minutes(samples[0].At)}, {Mb(steady.Resident)} → {Mb(end.Resident)} MB; " +
                $"anon {Mb(steady.Anonymous)} → {Mb(end.Anonymous)}, GC heap {steady.GcHeapMb:N0} → {end.GcHeapMb:N0}, " +
                $"GC committed {steady.GcCommittedMb:N0} → {end.GcCommittedMb:N0} MB"),
            Figure.AtMost("P10 errors", errors.Sum(e => e.Count), "errors", 0,
                errors.Count == 0 ? null : string.Join("; ", errors.Take(5).Select(e => $"{e.Count} × {e.Error}"))),
            Figure.AtMost("P10 order + payment, p99", Percentiles.Of(latencies, 99), "ms", 100,
                $"p50 {Percentiles.Of(latencies, 50):N1} ms; {latencies.Count:N0} orders paid by {clients.Count} clients in {duration.TotalMinutes:N1} min " +
                $"({latencies.Count / duration.TotalSeconds:N1}/s), {clients.Sum(c => c.Throttled)} requests throttled (429, sent again); " +
                $"{clients.Sum(c => c.FollowedToConfirmed):N0} followed to confirmed on their streams, " +
                $"{clients.Sum(c => c.EventStreamsOpened)} event streams opened, {clients.Sum(c => c.EventsSeen):N0} events seen"),
        ];
    }

    /// <summary>A merchant per client (test mode, a watched sandbox wallet, credits for every order), prepared in the data folder.</summary>
    private static async Task<IReadOnlyList<string>> SeedMerchantsAsync(string folder)
    {
        await using var seed = new InProcessFlux(dataFolder: folder);
        var keys = new List<string>();
        for (var i = 0; i < Clients; i++)
            keys.Add((await seed.NewMerchantAsync(credits: 1_000_000)).SecretKey);
        return keys;
    }

    /// <summary>Errors and critical errors the app logged (the console logger's "fail:" and "crit:" lines), by category.</summary>
    private static IReadOnlyList<string> AppErrors(string log) =>
        File.Exists(log)
            ? File.ReadLines(log).Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal))
                .Select(l => l.Split('[')[0]).ToList()
            : [];

    private static string Minutes(TimeSpan at) => string.Create(CultureInfo.InvariantCulture, $"{(int)at.TotalMinutes}:{at.Seconds:00}");

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture);
}
