namespace Flux.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Flux.Bench -- &lt;name|all&gt; [smoke]</c>; <c>-- smoke</c> runs every
/// benchmark in its smoke size (what CI runs): the figures are printed but not judged, and the exit code says whether
/// every benchmark ran. A full run's exit code is 0 only when every figure meets its target.
/// </summary>
public static class BenchProgram
{
    private static readonly Dictionary<string, Func<BenchSize, Task<IReadOnlyList<Figure>>>> Benchmarks = new()
    {
        ["p1a"] = IngestBenchmark.RunAsync,
        ["p1b"] = ConfirmationBenchmark.RunAsync,
        ["p2"] = LatencyBenchmark.RunAsync,
        ["p3"] = ApiBenchmark.RunAsync,
        ["p4"] = CircuitBenchmark.RunAsync,
        ["p5"] = StartupBenchmark.RunAsync,
        ["p6"] = WatchingBenchmark.RunAsync,
        ["p10"] = SoakBenchmark.RunAsync,
    };

    public static async Task<int> Main(string[] args)
    {
        var chosen = args.FirstOrDefault()?.ToLowerInvariant();
        var size = chosen == "smoke" || args.Skip(1).FirstOrDefault()?.ToLowerInvariant() == "smoke" ? BenchSize.Smoke : BenchSize.Full;
        if (chosen is null || (chosen is not ("all" or "smoke") && !Benchmarks.ContainsKey(chosen)))
        {
            Console.Error.WriteLine($"usage: dotnet run -c Release --project bench/Flux.Bench -- <{string.Join('|', Benchmarks.Keys)}|all> [smoke]");
            Console.Error.WriteLine("       dotnet run -c Release --project bench/Flux.Bench -- smoke    (every benchmark, smoke size)");
            return 2;
        }
#if DEBUG
        Console.WriteLine("WARNING: a Debug build; figures are only meaningful with -c Release.");
#endif

        var judged = size == BenchSize.Full;
        // A smoke run's figures are not judged: the apps it compares Flux with are published while the first benchmarks run.
        if (!judged)
            PublishedApp.PrepareInBackground();
        var runs = new List<(string Name, IReadOnlyList<Figure> Figures, string Load, TimeSpan Took, Exception? Error)>();
        foreach (var (name, run) in Benchmarks.Where(b => chosen is "all" or "smoke" || b.Key == chosen))
        {
            Console.WriteLine($"== {name}{(judged ? "" : " (smoke)")} ==");
            var load = MachineLoad.Start();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            IReadOnlyList<Figure> figures = [];
            Exception? error = null;
            try
            {
                figures = await run(size);
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
