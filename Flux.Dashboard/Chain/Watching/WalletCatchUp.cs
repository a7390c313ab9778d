using Flux.Dashboard.Chain.Horizon;
using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Chain.Watching;

/// <summary>
/// Hangfire's every-minute safety net: pages through each watched wallet's payments from the wallet's own cursor, so
/// payments made while the watcher was down or the stream was broken still reach the sink. It first reloads this
/// process's watched set: another process sharing the database may have begun watching a wallet since, and the intake
/// would drop that wallet's payments (and catch-up move its cursor past them); the stream then watches it too.
/// </summary>
public sealed class WalletCatchUp(
    IDbContextFactory<FluxDbContext> dbFactory, HorizonClientFactory horizons, AppBaseUri app, WatchedWallets watched, PaymentIntake intake,
    ILogger<WalletCatchUp> logger)
{
    public const string JobId = "chain-wallet-catch-up";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await watched.LoadAsync(cancellationToken);
        List<WatchedWallet> wallets;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            wallets = await db.Set<WatchedWallet>().AsNoTracking().ToListAsync(cancellationToken);

        foreach (var wallet in wallets)
        {
            try
            {
                await CatchUpAsync(wallet, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // One wallet's trouble (a Horizon outage, say) must not hold up the others; the next run resumes it.
                logger.LogWarning(ex, "Catch-up of wallet {Wallet} on {Network} stopped", wallet.Address, wallet.Network);
            }
        }
    }

    private async Task CatchUpAsync(WatchedWallet wallet, CancellationToken cancellationToken)
    {
        var horizon = horizons.ForNetwork(wallet.Network, app.Get());
        var cursor = wallet.CatchUpCursor;
        PaymentPage page;
        do
        {
            page = await horizon.GetPaymentsAsync(wallet.Address, cursor, HorizonOrder.Ascending, HorizonClient.MaxPageLimit, joinTransactions: true, cancellationToken);
            if (page.Records.Count == 0)
                break;
            await intake.TakeAsync(wallet.Network, horizon, page.Records, cancellationToken);
            cursor = page.Records[^1].PagingToken;
            await SaveCursorAsync(wallet, cursor, cancellationToken);
        }
        while (page.Records.Count + page.MalformedRecords == HorizonClient.MaxPageLimit);
    }

    private async Task SaveCursorAsync(WatchedWallet wallet, string cursor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<WatchedWallet>()
            .Where(w => w.Network == wallet.Network && w.Address == wallet.Address)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.CatchUpCursor, cursor), cancellationToken);
    }
}
