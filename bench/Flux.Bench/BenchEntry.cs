using Flux.Bench.ScaleOut;

namespace Flux.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Flux.Bench -- &lt;name|all&gt; [smoke] [--database postgres]</c>; <c>-- smoke</c>
/// runs every benchmark in its smoke size (what CI runs): the figures are printed but not judged, and the exit code says
/// whether every benchmark ran. A full run's exit code is 0 only when every figure meets its target. With
/// <c>--database postgres</c> the benchmarks that measure the database (P1b, P3) run on SQLite and then on PostgreSQL (a
/// throwaway cluster of the run's own), so their rows stand one under the other; the rest run on SQLite as always. The
/// scale-out benchmarks (P7–P9) run Flux instances on that cluster and a Redis server: named alone they start the cluster
/// whatever <c>--database</c> says; <c>all</c> and <c>smoke</c> include them only with <c>--database postgres</c>.
/// </summary>
public static class BenchProgram
{
    private static readonly Dictionary<string, Benchmark> Benchmarks = new()
    {
        ["p1a"] = Benchmark.OnSqlite(IngestBenchmark.RunAsync),
        ["p1b"] = new(ConfirmationBenchmark.RunAsync, OnEitherDatabase: true),
        ["p2"] = Benchmark.OnSqlite(LatencyBenchmark.RunAsync),
        ["p3"] = new(ApiBenchmark.RunAsync, OnEitherDatabase: true),
        ["p4"] = Benchmark.OnSqlite(CircuitBenchmark.RunAsync),
        ["p5"] = Benchmark.OnSqlite(StartupBenchmark.RunAsync),
        ["p6"] = Benchmark.OnSqlite(WatchingBenchmark.RunAsync),
        ["p7"] = Benchmark.ScaleOut(CrossInstanceLatencyBenchmark.RunAsync),
        ["p8"] = Benchmark.ScaleOut(FailoverBenchmark.RunAsync),
        ["p9"] = Benchmark.ScaleOut(ScaleBenchmark.RunAsync),
        ["p10"] = Benchmark.OnSqlite(SoakBenchmark.RunAsync),
    };

    /// <param name="OnEitherDatabase">Measures Flux's database work, so it runs on PostgreSQL too when asked.</param>
    /// <param name="OnPostgresOnly">Runs several Flux instances, which share a PostgreSQL database (and a Redis server).</param>
    private sealed record Benchmark(Func<BenchSize, BenchDatabase, Task<IReadOnlyList<Figure>>> Run, bool OnEitherDatabase, bool OnPostgresOnly = false)
    {
        public static Benchmark OnSqlite(Func<BenchSize, Task<IReadOnlyList<Figure>>> run) => new((size, _) => run(size), false);

        public static Benchmark ScaleOut(Func<BenchSize, BenchDatabase, Task<IReadOnlyList<Figure>>> run) => new(run, false, OnPostgresOnly: true);

        public bool NeedsPostgres(string database) => OnPostgresOnly || (OnEitherDatabase && database == "postgres");
    }

    public static async Task<int> Main(string[] args)
    {
        var positional = args.Select(a => a.ToLowerInvariant()).ToList();
        var at = positional.IndexOf("--database");
        var database = at < 0 ? "sqlite" : positional.ElementAtOrDefault(at + 1);
        if (at >= 0)
            positional.RemoveRange(at, Math.Min(2, positional.Count - at));
        var chosen = positional.FirstOrDefault();
        var size = chosen == "smoke" || positional.Skip(1).FirstOrDefault() == "smoke" ? BenchSize.Smoke : BenchSize.Full;
        if (chosen is null || (chosen is not ("all" or "smoke") && !Benchmarks.ContainsKey(chosen)) || database is not ("sqlite" or "postgres"))
        {
            Console.Error.WriteLine($"usage: dotnet run -c Release --project bench/Flux.Bench -- <{string.Join('|', Benchmarks.Keys)}|all> [smoke] [--database postgres]");
            Console.Error.WriteLine("       dotnet run -c Release --project bench/Flux.Bench -- smoke    (every benchmark, smoke size)");
            Console.Error.WriteLine("       --database postgres: P1b and P3 run on SQLite, then on a throwaway PostgreSQL cluster;");
            Console.Error.WriteLine("       all and smoke include P7-P9 (several instances on that cluster and a Redis server)");
            return 2;
        }
#if DEBUG
        Console.WriteLine("WARNING: a Debug build; figures are only meaningful with -c Release.");
#endif

        var judged = size == BenchSize.Full;
        var chosenBenchmarks = Benchmarks
            .Where(b => b.Key == chosen || (chosen is "all" or "smoke" && (!b.Value.OnPostgresOnly || database == "postgres"))).ToList();
        if (chosen is "all" or "smoke" && database != "postgres")
            Console.WriteLine($"({string.Join(", ", Benchmarks.Where(b => b.Value.OnPostgresOnly).Select(b => b.Key))} left out: they need --database postgres)");
        // Started before the first benchmark, so every benchmark's load line counts the cluster's CPU from its start on.
        await using var cluster = chosenBenchmarks.Any(b => b.Value.NeedsPostgres(database)) ? await PostgresCluster.StartAsync() : null;
        BenchDatabase[] databases = cluster is null ? [BenchDatabase.Sqlite] : [BenchDatabase.Sqlite, BenchDatabase.On(cluster)];
        // A smoke run's figures are not judged: the apps it compares Flux with are published while the first benchmarks run.
        if (!judged)
            PublishedApp.PrepareInBackground();
        var runs = new List<(string Name, IReadOnlyList<Figure> Figures, string Load, TimeSpan Took, Exception? Error)>();
        foreach (var (key, benchmark) in chosenBenchmarks)
        {
            foreach (var on in benchmark.OnPostgresOnly ? databases[1..] : benchmark.OnEitherDatabase ? databases : [BenchDatabase.Sqlite])
            {
                var name = on.IsPostgres && !benchmark.OnPostgresOnly ? $"{key} on PostgreSQL" : key;
                Console.WriteLine($"== {name}{(judged ? "" : " (smoke)")} ==");
                var load = MachineLoad.Start();
                var watch = System.Diagnostics.Stopwatch.StartNew();
                IReadOnlyList<Figure> figures = [];
                Exception? error = null;
                try
                {
                    figures = await benchmark.Run(size, on);
                    if (on.IsPostgres && !benchmark.OnPostgresOnly)
                        figures = [.. figures.Select(f => f with { Name = $"{f.Name}, PostgreSQL" })];
                }
                catch (Exception ex)
                {
                    error = ex;
                    Console.WriteLine($"{name} FAILED: {ex}");
                }
                foreach (var figure in figures)
                    Console.WriteLine(figure.Describe(judged));
                runs.Add((name, figures, load.Describe(), watch.Elapsed, error));
                Console.WriteLine($"-- {name}: {runs[^1].Load}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"== summary{(judged ? "" : " (smoke: figures not judged)")}, {Environment.ProcessorCount} cores ==");
        foreach (var (name, figures, load, took, error) in runs)
        {
            Console.WriteLine($"{name}: {(error is null ? "ran" : "FAILED")} in {took.TotalSeconds:N0} s; {load}");
            foreach (var figure in figures)
                Console.WriteLine($"  {figure.Describe(judged)}");
        }
        await PublishedApp.DeleteAllAsync();
        var ran = runs.All(r => r.Error is null);
        return ran && (!judged || runs.All(r => r.Figures.All(f => f.Passed))) ? 0 : 1;
    }
}
