namespace Flux.Bench;

/// <summary><c>dotnet run -c Release --project bench/Flux.Bench -- &lt;p1a|p1b|p2|p3|p4|p5|all&gt;</c></summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var benchmarks = new Dictionary<string, Func<Task<IReadOnlyList<Figure>>>>
        {
            ["p1a"] = IngestBenchmark.RunAsync,
            ["p1b"] = ConfirmationBenchmark.RunAsync,
            ["p2"] = LatencyBenchmark.RunAsync,
            ["p3"] = ApiBenchmark.RunAsync,
            ["p4"] = CircuitBenchmark.RunAsync,
            ["p5"] = StartupBenchmark.RunAsync,
        };

        var chosen = args.FirstOrDefault()?.ToLowerInvariant();
        if (chosen is null || (chosen != "all" && !benchmarks.ContainsKey(chosen)))
        {
            Console.Error.WriteLine($"usage: dotnet run -c Release --project bench/Flux.Bench -- <{string.Join('|', benchmarks.Keys)}|all>");
            return 2;
        }
#if DEBUG
        Console.WriteLine("WARNING: a Debug build; figures are only meaningful with -c Release.");
#endif

        var figures = new List<Figure>();
        foreach (var (name, run) in benchmarks.Where(b => chosen == "all" || b.Key == chosen))
        {
            Console.WriteLine($"== {name} ==");
            var results = await run();
            foreach (var figure in results)
                Console.WriteLine(figure);
            figures.AddRange(results);
        }

        Console.WriteLine();
        Console.WriteLine($"== summary ({Environment.ProcessorCount} cores) ==");
        foreach (var figure in figures)
            Console.WriteLine(figure);
        return figures.All(f => f.Passed) ? 0 : 1;
    }
}
