using Flux.Dashboard.Tests.Support;

namespace Flux.Bench;

/// <summary>
/// P5: the built app started as a process (<c>dotnet Flux.Dashboard.dll</c>, Production) until its first 200 from
/// <c>/healthz</c> — on a fresh data folder (creates and migrates both databases) and again on that existing folder.
/// </summary>
public static class StartupBenchmark
{
    private const int Runs = 3;
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(3);

    public static async Task<IReadOnlyList<Figure>> RunAsync()
    {
        var fresh = new List<double>();
        var existing = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var folder = Path.Combine(Path.GetTempPath(), "flux-bench", Guid.NewGuid().ToString("N"));
            try
            {
                fresh.Add(await TimeToHealthyAsync(folder));
                existing.Add(await TimeToHealthyAsync(folder));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        return
        [
            Figure.AtMost("P5 start-up, fresh data folder (worst)", fresh.Max(), "ms", Target.TotalMilliseconds,
                $"{Runs} runs: {string.Join(", ", fresh.Select(ms => $"{ms:N0}"))} ms"),
            Figure.AtMost("P5 start-up, existing data folder (worst)", existing.Max(), "ms", Target.TotalMilliseconds,
                $"{Runs} runs: {string.Join(", ", existing.Select(ms => $"{ms:N0}"))} ms"),
        ];
    }

    private static async Task<double> TimeToHealthyAsync(string folder)
    {
        await using var app = FluxProcess.Start(folder, "Production");
        return (await app.WaitHealthyAsync(TimeSpan.FromSeconds(30))).TotalMilliseconds;
    }
}
