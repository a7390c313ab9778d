using System.Collections.Frozen;
using Flux.Dashboard.Chain.Horizon;
using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Chain.Watching;

/// <summary>
/// The wallets the watcher looks out for, kept in memory as one frozen set per network so that every other payment
/// on the network is dropped in O(1). Changes go to the database first, then the snapshot is rebuilt, here and on the
/// other instances (<see cref="IOtherInstances"/>), which load theirs again when they hear of it, or at the next catch-up.
/// </summary>
public sealed class WatchedWallets
{
    private const string Topic = "watched-wallets-changed";

    private readonly IDbContextFactory<FluxDbContext> dbFactory;
    private readonly HorizonClientFactory horizons;
    private readonly StreamCursors cursors;
    private readonly AppBaseUri app;
    private readonly TimeProvider clock;
    private readonly IOtherInstances others;
    private readonly SemaphoreSlim changeLock = new(1, 1);
    private FrozenDictionary<string, FrozenSet<string>> snapshot = FrozenDictionary<string, FrozenSet<string>>.Empty;
    private TaskCompletionSource changed = NewSignal();

    public WatchedWallets(IDbContextFactory<FluxDbContext> dbFactory, HorizonClientFactory horizons, StreamCursors cursors, AppBaseUri app,
        TimeProvider clock, IOtherInstances others)
    {
        (this.dbFactory, this.horizons, this.cursors, this.app, this.clock, this.others) = (dbFactory, horizons, cursors, app, clock, others);
        others.Listen(Topic, _ => LoadAsync(CancellationToken.None));
    }

    public bool IsWatched(string network, string wallet) =>
        Volatile.Read(ref snapshot).TryGetValue(network, out var wallets) && wallets.Contains(wallet);

    public bool AnyOn(string network) => Volatile.Read(ref snapshot).TryGetValue(network, out var wallets) && wallets.Count > 0;

    /// <summary>Completes at the next change of the watched set.</summary>
    public Task NextChangeAsync() => Volatile.Read(ref changed).Task;

    /// <summary>
    /// Starts watching a wallet. Its catch-up cursor starts at its latest payment on the network, so history from before
    /// it was registered is not imported; anything after is found by the stream or by catch-up. The first wallet of a
    /// network also fixes where the network's stream starts, so no payment after this call can slip past it.
    /// </summary>
    public async Task WatchAsync(string network, string address, CancellationToken cancellationToken = default)
    {
        await changeLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await db.Set<WatchedWallet>().AnyAsync(w => w.Network == network && w.Address == address, cancellationToken))
            {
                // Watched already, perhaps by another process sharing the database: this one watches it from now on too.
                if (!IsWatched(network, address))
                    await ReloadAsync(cancellationToken);
                return;
            }
            var horizon = horizons.ForNetwork(network, app.Get());
            if (await cursors.LoadAsync(network, cancellationToken) is null)
            {
                var newest = await horizon.GetPaymentsAsync(null, null, HorizonOrder.Descending, 1, joinTransactions: false, cancellationToken);
                await cursors.SaveAsync(network, newest.Records.FirstOrDefault()?.PagingToken ?? "0", cancellationToken);
            }
            var latest = await horizon.GetPaymentsAsync(address, null, HorizonOrder.Descending, 1, joinTransactions: false, cancellationToken);
            db.Add(new WatchedWallet
            {
                Network = network,
                Address = address,
                CatchUpCursor = latest.Records.FirstOrDefault()?.PagingToken,
                WatchedSince = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
            await ReloadAsync(cancellationToken);
            await others.TellAsync(Topic, "");
        }
        finally
        {
            changeLock.Release();
        }
    }

    public async Task UnwatchAsync(string network, string address, CancellationToken cancellationToken = default)
    {
        await changeLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Set<WatchedWallet>().Where(w => w.Network == network && w.Address == address).ExecuteDeleteAsync(cancellationToken);
            await ReloadAsync(cancellationToken);
            await others.TellAsync(Topic, "");
        }
        finally
        {
            changeLock.Release();
        }
    }

    /// <summary>Loads the watched set from the database (at start-up, at catch-up, and when another instance changed it).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await changeLock.WaitAsync(cancellationToken);
        try
        {
            await ReloadAsync(cancellationToken);
        }
        finally
        {
            changeLock.Release();
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<WatchedWallet>().AsNoTracking().Select(w => new { w.Network, w.Address }).ToListAsync(cancellationToken);
        var next = rows.GroupBy(r => r.Network)
            .ToFrozenDictionary(g => g.Key, g => g.Select(r => r.Address).ToFrozenSet(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
        Volatile.Write(ref snapshot, next);
        Interlocked.Exchange(ref changed, NewSignal()).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
