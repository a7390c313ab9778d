using System.Diagnostics;
using Flux.Dashboard.Tests.Support;

namespace Flux.Bench.ScaleOut;

/// <summary>
/// P9: <c>POST /v1/orders</c> with a Bearer key, driven by <see cref="Wrk"/> over <see cref="Connections"/> keep-alive
/// connections in all, against one instance and against two on the same PostgreSQL database and Redis: one wrk of 2
/// threads on instance A, then two wrks of 1 thread and half the connections each, one on A and one on B, at once. Both
/// instances run throughout (B idles in the one-instance rounds), the rounds alternate, and each side's figure is its
/// median round. No target: on a 2-core machine the instances, PostgreSQL, Redis and wrk share the same cores, so the
/// CPU each order costs them (printed) says what limits it.
/// </summary>
public static class ScaleBenchmark
{
    private const int Connections = 32;

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchSize size, BenchDatabase database)
    {
        Wrk.EnsureInstalled("P9");
        var rounds = size.Pick(3, 1);
        var duration = TimeSpan.FromSeconds(size.Pick(10, 1));
        await using var instances = await FluxInstances.StartAsync(2, database, credits: 1);
        using (var check = instances.ApiClient(1))
            await FluxInstances.CreateOrderAsync(check, 10m);
        var script = await Wrk.WriteOrderScriptAsync(instances.Folder, instances.Merchant.SecretKey);
        string[] urls = [.. Enumerable.Range(0, 2).Select(i => new Uri(instances[i].BaseAddress, "/v1/orders").AbsoluteUri)];

        // Warm-up as P3's: long enough for tiered compilation to finish with the order path on both instances.
        await RoundAsync(instances, urls, script, TimeSpan.FromSeconds(size.Pick(12, 3)));
        var one = new List<Round>();
        var two = new List<Round>();
        for (var i = 0; i < rounds; i++)
        {
            one.Add(await RoundAsync(instances, urls[..1], script, duration));
            two.Add(await RoundAsync(instances, urls, script, duration));
        }
        var oneMedian = Median(one);
        var twoMedian = Median(two);
        return
        [
            Figure.Info("P9 POST /v1/orders, one instance", oneMedian.RequestsPerSecond, "req/s", Describe(one, oneMedian)),
            Figure.Info("P9 POST /v1/orders, two instances", twoMedian.RequestsPerSecond, "req/s", Describe(two, twoMedian)),
            Figure.Info("P9 two instances ÷ one", twoMedian.RequestsPerSecond / oneMedian.RequestsPerSecond, "×",
                $"medians of {rounds} alternating rounds of wrk -d{duration.TotalSeconds:N0}s, {Connections} connections in all"),
        ];
    }

    /// <param name="PerInstance">Each driven instance's requests a second.</param>
    /// <param name="AppsCpu">CPU time of both instances' processes per order, in µs.</param>
    /// <param name="ServersCpu">CPU time of the PostgreSQL and Redis servers per order, in µs.</param>
    private sealed record Round(double RequestsPerSecond, double[] PerInstance, double P99Ms, long Errors, double AppsCpu, double ServersCpu);

    /// <summary>One wrk per URL at once, the connections and 2 threads shared among them.</summary>
    private static async Task<Round> RoundAsync(FluxInstances instances, string[] urls, string script, TimeSpan duration)
    {
        var appsBefore = AppsCpuSeconds(instances);
        var serversBefore = MachineLoad.AdoptedCpuSeconds();
        var runs = await Task.WhenAll(urls.Select(url => Wrk.RunAsync(url, script, duration, threads: 2 / urls.Length, Connections / urls.Length)));
        var served = runs.Sum(r => r.Served);
        return new Round(runs.Sum(r => r.RequestsPerSecond), [.. runs.Select(r => r.RequestsPerSecond)], runs.Max(r => r.P99Ms), runs.Sum(r => r.Errors),
            (AppsCpuSeconds(instances) - appsBefore) * 1e6 / served, (MachineLoad.AdoptedCpuSeconds() - serversBefore) * 1e6 / served);
    }

    private static double AppsCpuSeconds(FluxInstances instances) =>
        Enumerable.Range(0, instances.Count).Sum(i => CpuSeconds(instances[i]));

    private static double CpuSeconds(FluxProcess instance)
    {
        using var process = Process.GetProcessById(instance.Id);
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static Round Median(List<Round> rounds) => rounds.OrderBy(r => r.RequestsPerSecond).ElementAt(rounds.Count / 2);

    private static string Describe(List<Round> rounds, Round median) =>
        $"rounds {string.Join(", ", rounds.Select(r => $"{r.RequestsPerSecond:N0}"))} req/s"
        + (median.PerInstance.Length > 1 ? $"; median round {string.Join(" + ", median.PerInstance.Select(r => $"{r:N0}"))}" : "")
        + $"; p99 {median.P99Ms:N0} ms (worst instance), {rounds.Sum(r => r.Errors)} errors in all rounds; per order {median.AppsCpu:N0} µs of the "
        + $"instances' CPU and {median.ServersCpu:N0} µs of PostgreSQL's and Redis's";
}
