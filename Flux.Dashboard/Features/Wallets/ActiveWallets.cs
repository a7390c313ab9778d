using System.Collections.Concurrent;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Wallets;

/// <summary>
/// Each merchant scope's active wallets, kept in memory for the order hot path: every order (API, button, dashboard)
/// is paid into one of them, so creating one needs no database read for its wallet. <see cref="WalletService"/> calls
/// <see cref="InvalidateAsync"/> after every change it commits, and a list read before that call is never served after it.
/// The other instances hear of it (<see cref="IOtherInstances"/>, Redis when configured) and drop theirs; a change they
/// never hear of shows there after <see cref="Lifetime"/> at most. The wallets are shared: read them, never change them.
/// </summary>
public sealed class ActiveWallets
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private const string Topic = "wallets-changed";

    private readonly ConcurrentDictionary<MerchantScope, Entry> entries = new();
    private readonly IDbContextFactory<FluxDbContext> dbFactory;
    private readonly TimeProvider clock;
    private readonly IOtherInstances others;
    private long generation;

    public ActiveWallets(IDbContextFactory<FluxDbContext> dbFactory, TimeProvider clock, IOtherInstances others)
    {
        (this.dbFactory, this.clock, this.others) = (dbFactory, clock, others);
        others.Listen(Topic, _ =>
        {
            Forget();
            return Task.CompletedTask;
        });
    }

    private sealed record Entry(IReadOnlyList<Wallet> Wallets, long Generation, DateTimeOffset ReadAt);

    public async Task<IReadOnlyList<Wallet>> OfAsync(MerchantScope scope, CancellationToken cancellationToken)
    {
        var current = Interlocked.Read(ref generation);
        if (entries.TryGetValue(scope, out var entry) && entry.Generation == current && clock.GetUtcNow() - entry.ReadAt < Lifetime)
            return entry.Wallets;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var wallets = await db.Set<Wallet>().AsNoTracking()
            .Where(w => w.MerchantId == scope.MerchantId && w.Livemode == scope.Livemode && w.RemovedAt == null)
            .ToListAsync(cancellationToken);
        entries[scope] = new Entry(wallets, current, clock.GetUtcNow());
        return wallets;
    }

    /// <summary>After a wallet was added, changed or removed: no list read before now is served again, here or elsewhere.</summary>
    public Task InvalidateAsync()
    {
        Forget();
        return others.TellAsync(Topic, "");
    }

    private void Forget()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }
}
