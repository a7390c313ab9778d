using Flux.Dashboard.Tests.Support;

namespace Flux.Bench;

/// <summary>
/// P5: the built app started as a process (<c>dotnet Flux.Dashboard.dll</c>, Production) until its first 200 from
/// <c>/healthz</c> — on a fresh data folder (creates and migrates both databases) and again on that existing folder.
/// P5′: the framework's floor beside it — Flux published, on an existing data folder, and the empty
/// <c>dotnet new web</c> app published the same way, each started alike until its first 200 (Flux <c>/healthz</c>, the
/// empty app <c>/</c>), alternating, after one start of each that is not counted (it reads the new files from disk). The
/// full size starts Flux published without ReadyToRun in the same rounds, for the before and after of ReadyToRun.
/// </summary>
public static class StartupBenchmark
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchSize size)
    {
        var runs = size.Pick(3, 1);
        var fresh = new List<double>();
        var existing = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var folder = NewFolder();
            try
            {
                fresh.Add(await TimeToFirst200Async(folder, null, "/healthz"));
                existing.Add(await TimeToFirst200Async(folder, null, "/healthz"));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        return
        [
            Figure.AtMost("P5 start-up, fresh data folder (worst)", fresh.Max(), "ms", Target.TotalMilliseconds, List(fresh)),
            Figure.AtMost("P5 start-up, existing data folder (worst)", existing.Max(), "ms", Target.TotalMilliseconds, List(existing)),
            .. await AgainstEmptyAppAsync(size),
        ];
    }

    private static async Task<IReadOnlyList<Figure>> AgainstEmptyAppAsync(BenchSize size)
    {
        var runs = size.Pick(5, 1);
        var flux = (await PublishedApp.Flux(size)).Dll;
        var empty = (await PublishedApp.EmptyWeb).Dll;
        // The full size also starts Flux published without ReadyToRun in the same rounds: what ReadyToRun gains.
        var withoutReadyToRun = size == BenchSize.Full ? (await PublishedApp.Flux(BenchSize.Smoke)).Dll : null;
        var folder = NewFolder();
        try
        {
            await TimeToFirst200Async(folder, flux, "/healthz");
            await TimeToFirst200Async(folder, empty, "/");
            if (withoutReadyToRun is not null)
                await TimeToFirst200Async(folder, withoutReadyToRun, "/healthz");
            var fluxTimes = new List<double>();
            var emptyTimes = new List<double>();
            var withoutTimes = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                emptyTimes.Add(await TimeToFirst200Async(folder, empty, "/"));
                fluxTimes.Add(await TimeToFirst200Async(folder, flux, "/healthz"));
                if (withoutReadyToRun is not null)
                    withoutTimes.Add(await TimeToFirst200Async(folder, withoutReadyToRun, "/healthz"));
            }
            var fluxMedian = Percentiles.Of(fluxTimes, 50);
            var emptyMedian = Percentiles.Of(emptyTimes, 50);
            return
            [
                Figure.Info("P5′ empty web app start-up (median)", emptyMedian, "ms", List(emptyTimes)),
                Figure.Info($"P5′ Flux published start-up (median){size.Pick("", ", no ReadyToRun")}", fluxMedian, "ms", List(fluxTimes)),
                .. withoutTimes.Count == 0 ? (IEnumerable<Figure>) [] :
                [
                    Figure.Info("P5′ Flux published without ReadyToRun (median)", Percentiles.Of(withoutTimes, 50), "ms", List(withoutTimes)),
                    Figure.Info("P5′ Flux without ReadyToRun ÷ empty web app", Percentiles.Of(withoutTimes, 50) / emptyMedian, "×", "before ReadyToRun"),
                ],
                Figure.AtMost("P5′ Flux ÷ empty web app, start-up", fluxMedian / emptyMedian, "×", 1.5, "medians, alternating runs"),
            ];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> TimeToFirst200Async(string folder, string? app, string path)
    {
        await using var process = FluxProcess.Start(folder, "Production", app: app);
        return (await process.WaitHealthyAsync(StartLimit, path)).TotalMilliseconds;
    }

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "flux-bench", Guid.NewGuid().ToString("N"));

    private static string List(IEnumerable<double> times) => $"{string.Join(", ", times.Select(ms => $"{ms:N0}"))} ms";
}
