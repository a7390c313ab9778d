using System.Diagnostics;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Chain.Watching;

[Collection(FluxAppCollection.Name)]
public sealed class PaymentWatcherTests(FluxAppFactory app)
{
    private const string Sandbox = ChainNetworkNames.Sandbox;

    private SandboxLedger Ledger => app.Services.GetRequiredService<SandboxLedger>();
    private WatchedWallets Watched => app.Services.GetRequiredService<WatchedWallets>();

    [Fact]
    public async Task Simulated_payment_to_a_watched_wallet_reaches_the_sink_within_a_second()
    {
        var wallet = TestAddresses.Random();
        await Watched.WatchAsync(Sandbox, wallet);

        var clock = Stopwatch.StartNew();
        var paid = await Ledger.SimulatePaymentAsync(new(SandboxTestWallet.Address, wallet, 7.25m, "ord_fast"));
        var recorded = await app.Services.WaitForRecordedAsync(wallet, 1, TimeSpan.FromSeconds(10));
        clock.Stop();

        var payment = Assert.Single(recorded);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"reached the sink after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(paid.Payment!.Id.ToString(), payment.OperationId);
        Assert.Equal(7.25m, payment.Amount);
        Assert.Equal("ord_fast", payment.Memo);
        Assert.Equal("text", payment.MemoType);
        Assert.Equal(SandboxTestWallet.Address, payment.From);
        Assert.Equal(paid.Transaction!.Hash, payment.TransactionHash);
    }

    [Fact]
    public async Task Ten_thousand_payments_to_unwatched_wallets_never_reach_the_sink()
    {
        var watchedWallet = TestAddresses.Random();
        await Watched.WatchAsync(Sandbox, watchedWallet);
        var strangers = Enumerable.Range(0, 10_000).Select(_ => TestAddresses.Random()).ToList();

        var noise = await Ledger.SimulatePaymentsAsync(strangers.Select(s => new SimulatedPayment(SandboxTestWallet.Address, s, 0.1m, "not-ours")).ToList());
        await Ledger.SimulatePaymentAsync(new(SandboxTestWallet.Address, watchedWallet, 1m, "after-the-noise"));
        var recorded = await app.Services.WaitForRecordedAsync(watchedWallet, 1, TimeSpan.FromSeconds(60));

        Assert.True(noise.Succeeded, noise.Error);
        Assert.Equal("after-the-noise", Assert.Single(recorded).Memo);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        var strangerSet = strangers.ToHashSet();
        var leaked = (await db.Set<ChainPayment>().Select(p => p.Wallet).ToListAsync()).Count(strangerSet.Contains);
        Assert.Equal(0, leaked);
    }

    [Fact]
    public async Task Wallet_catch_up_is_scheduled_every_minute()
    {
        var storage = app.Services.GetRequiredService<Hangfire.JobStorage>();
        using var connection = storage.GetConnection();

        var job = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == WalletCatchUp.JobId);

        Assert.Equal("* * * * *", job.Cron);
    }
}
