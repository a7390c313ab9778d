using Flux.Dashboard.Tests.Support;
using Xunit.Abstractions;

namespace Flux.Dashboard.Tests.Crash;

/// <summary>
/// Issue #21's crash check, the outside audit's "kill -9 under load" kept in the project: Flux as a real process is
/// killed at random moments while orders and sandbox payments stream through its API, restarted on the same data
/// folder, and its database must then hold every order, payment, credit and event exactly once, and every idempotency
/// key its first answer. CI runs <see cref="CrashCheckSize.DefaultKills"/> kills; <c>FLUX_CRASH_KILLS</c>,
/// <c>FLUX_CRASH_ORDERS</c> and <c>FLUX_CRASH_SEED</c> make a longer or repeated run.
/// </summary>
[Collection(CrashCheckCollection.Name)]
public sealed class CrashCheckTests(ITestOutputHelper output)
{
    private const int ReportedFaults = 50;

    [Fact]
    public async Task Flux_killed_mid_stream_loses_and_repeats_nothing()
    {
        var size = CrashCheckSize.FromEnvironment();
        var folder = Path.Combine(Path.GetTempPath(), "flux-crash", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        output.WriteLine($"{size.Kills} kills, {size.Orders} orders, FLUX_CRASH_SEED={size.Seed}, data folder {folder}");
        var merchant = await CrashMerchant.CreateAsync(folder, size.Orders);
        var run = new CrashRun(folder, merchant, size, output);

        var state = await run.RunAsync();

        List<string> faults = [.. run.ReplayFaults, .. CrashInvariants.Broken(state, run.Flows)];
        Assert.True(faults.Count == 0,
            $"""
            {faults.Count} faults after {size.Kills} kills of Flux under load ({size.Orders} orders; FLUX_CRASH_KILLS={size.Kills} FLUX_CRASH_ORDERS={size.Orders} FLUX_CRASH_SEED={size.Seed} repeats the kill points).
            Flux's log: {run.LogFile}; its database: {folder}/flux.db
            {string.Join("\n", faults.Take(ReportedFaults).Select(f => $"- {f}"))}{(faults.Count > ReportedFaults ? $"\n… and {faults.Count - ReportedFaults} more" : "")}
            """);
        Directory.Delete(folder, recursive: true);
        TestDatabaseEngine.DropFor(folder);
    }
}
