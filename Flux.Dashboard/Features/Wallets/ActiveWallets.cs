using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Wallets;

/// <summary>
/// Each merchant scope's active wallets, kept in memory for the order hot path: every order (API, button, dashboard)
/// is paid into one of them, so creating one needs no database read for its wallet. <see cref="WalletService"/> calls
/// <see cref="InvalidateAsync"/> after every change it commits (<see cref="SharedCache{TKey, TValue}"/> says what that
/// guarantees here and on the other instances). The wallets are shared: read them, never change them.
/// </summary>
public sealed class ActiveWallets(IDbContextFactory<FluxDbContext> dbFactory, TimeProvider clock, IOtherInstances others)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly SharedCache<MerchantScope, IReadOnlyList<Wallet>> cache = new("wallets-changed", Lifetime, clock, others);

    public Task<IReadOnlyList<Wallet>> OfAsync(MerchantScope scope, CancellationToken cancellationToken) =>
        cache.GetAsync(scope, ReadAsync, cancellationToken);

    /// <summary>After a wallet was added, changed or removed: no list read before now is served again, here or elsewhere.</summary>
    public Task InvalidateAsync() => cache.InvalidateAsync();

    private async Task<IReadOnlyList<Wallet>> ReadAsync(MerchantScope scope, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Wallet>().AsNoTracking()
            .Where(w => w.MerchantId == scope.MerchantId && w.Livemode == scope.Livemode && w.RemovedAt == null)
            .ToListAsync(cancellationToken);
    }
}
