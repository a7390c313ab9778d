using System.Collections.Concurrent;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Wallets;

/// <summary>
/// Each merchant scope's active wallets, kept in memory for the order hot path: every order (API, button, dashboard)
/// is paid into one of them, so creating one needs no database read for its wallet. <see cref="WalletService"/> calls
/// <see cref="Invalidate"/> after every change it commits, and a list read before that call is never served after it.
/// A change made by another process shows here after <see cref="Lifetime"/> at most. The wallets are shared: read them,
/// never change them.
/// </summary>
public sealed class ActiveWallets(IDbContextFactory<FluxDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<MerchantScope, Entry> entries = new();
    private long generation;

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

    /// <summary>After a wallet was added, changed or removed: no list read before now is served again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }
}
