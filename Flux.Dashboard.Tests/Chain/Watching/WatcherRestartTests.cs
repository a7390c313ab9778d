using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Common;
using Flux.Dashboard.Data;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Chain.Watching;

/// <summary>Flux stopped and started again on the same data folder: the durable cursor and catch-up lose nothing.</summary>
public sealed class WatcherRestartTests : IDisposable
{
    private const string Sandbox = ChainNetworkNames.Sandbox;
    private static readonly Dictionary<string, string?> Defaults = new();

    private readonly string folder = Path.Combine(Path.GetTempPath(), "flux-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Restart_mid_stream_misses_no_payment_and_records_none_twice()
    {
        var wallet = TestAddresses.Random();
        var operationIds = new List<string>();
        using (var first = FluxAppFactory.Start(folder, Defaults))
        {
            var ledger = first.Services.GetRequiredService<SandboxLedger>();
            await first.Services.GetRequiredService<WatchedWallets>().WatchAsync(Sandbox, wallet);
            operationIds.AddRange(Ids(await ledger.SimulatePaymentAsync(new(SandboxTestWallet.Address, wallet, 1m, "before"))));
            Assert.Single(await first.Services.WaitForRecordedAsync(wallet, 1, TimeSpan.FromSeconds(10)));

            // A burst the stream is still working through when the app stops.
            operationIds.AddRange(Ids(await ledger.SimulatePaymentsAsync(
                Enumerable.Range(0, 50).Select(i => new SimulatedPayment(SandboxTestWallet.Address, wallet, 1m + i, $"burst-{i}")).ToList())));
        }

        operationIds.AddRange(Ids(await OfflineLedger().SimulatePaymentAsync(new(SandboxTestWallet.Address, wallet, 99m, "while-down"))));

        using var second = FluxAppFactory.Start(folder, Defaults);
        var recorded = await second.Services.WaitForRecordedAsync(wallet, operationIds.Count, TimeSpan.FromSeconds(30));

        Assert.Equal(operationIds.Order(), recorded.Select(p => p.OperationId).Order());
        Assert.Equal("while-down", recorded[^1].Memo);
    }

    [Fact]
    public async Task Catch_up_finds_payments_the_stream_never_saw_once_and_skips_history_before_watching()
    {
        using var app = FluxAppFactory.Start(folder, new Dictionary<string, string?> { ["Flux:Chain:StreamPayments"] = "false" });
        var wallet = TestAddresses.Random();
        var ledger = app.Services.GetRequiredService<SandboxLedger>();
        await ledger.SimulatePaymentAsync(new(SandboxTestWallet.Address, wallet, 5m, "history"));
        await app.Services.GetRequiredService<WatchedWallets>().WatchAsync(Sandbox, wallet);
        var paid = Ids(await ledger.SimulatePaymentsAsync(
            Enumerable.Range(0, 3).Select(i => new SimulatedPayment(SandboxTestWallet.Address, wallet, 2m, $"missed-{i}")).ToList()));
        Assert.Empty(await app.Services.RecordedForAsync(wallet));

        await app.Services.GetRequiredService<WalletCatchUp>().RunAsync(CancellationToken.None);
        await app.Services.GetRequiredService<WalletCatchUp>().RunAsync(CancellationToken.None);

        var recorded = await app.Services.RecordedForAsync(wallet);
        Assert.Equal(paid, recorded.Select(p => p.OperationId));
        Assert.DoesNotContain(recorded, p => p.Memo == "history");
    }

    [Fact]
    public async Task Catch_up_finds_payments_into_a_wallet_another_process_began_watching()
    {
        using var app = FluxAppFactory.Start(folder, new Dictionary<string, string?> { ["Flux:Chain:StreamPayments"] = "false" });
        var wallet = TestAddresses.Random();
        // Another Flux process on the same database registers the wallet after this one loaded its watched set.
        await using (var other = TestDatabaseEngine.ContextFor(folder))
        {
            other.Add(new WatchedWallet { Network = Sandbox, Address = wallet, WatchedSince = DateTimeOffset.UtcNow });
            await other.SaveChangesAsync();
        }
        var paid = Ids(await app.Services.GetRequiredService<SandboxLedger>().SimulatePaymentAsync(new(SandboxTestWallet.Address, wallet, 3m, "other-process")));

        await app.Services.GetRequiredService<WalletCatchUp>().RunAsync(CancellationToken.None);

        Assert.Equal(paid, (await app.Services.RecordedForAsync(wallet)).Select(p => p.OperationId));
        Assert.True(app.Services.GetRequiredService<WatchedWallets>().IsWatched(Sandbox, wallet), "This process's stream does not watch the wallet yet.");
    }

    private static IEnumerable<string> Ids(SandboxPaymentResult result)
    {
        Assert.True(result.Succeeded, result.Error);
        return result.Closed.Select(c => c.Payment.Id.ToString());
    }

    /// <summary>The sandbox ledger of the stopped app, written directly in its database file.</summary>
    private SandboxLedger OfflineLedger()
    {
        return new SandboxLedger(TestDatabaseEngine.FactoryFor(folder), new SandboxLedgerSignal(new NoOtherInstances()), TimeProvider.System);
    }

    public void Dispose()
    {
        TestDatabaseEngine.DropFor(folder);
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* best effort: the OS cleans the temp folder */ }
    }
}
