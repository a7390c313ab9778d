using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Settings;

/// <summary>
/// How long each merchant's orders wait for payment when an order names no lifetime (Settings → Business, else Flux's
/// default), kept in memory for the order hot path. <see cref="BusinessProfileService"/> calls <see cref="InvalidateAsync"/>
/// after every save (<see cref="SharedCache{TKey, TValue}"/> says what that guarantees here and on the other instances).
/// </summary>
public sealed class DefaultOrderLifetimes(IDbContextFactory<FluxDbContext> dbFactory, TimeProvider clock, IOtherInstances others)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly SharedCache<string, TimeSpan> cache = new("order-lifetimes-changed", Lifetime, clock, others);

    public Task<TimeSpan> OfAsync(string merchantId, CancellationToken cancellationToken) =>
        cache.GetAsync(merchantId, ReadAsync, cancellationToken);

    public Task InvalidateAsync() => cache.InvalidateAsync();

    private async Task<TimeSpan> ReadAsync(string merchantId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var seconds = await db.Users.Where(m => m.Id == merchantId).Select(m => m.OrderLifetimeSeconds).SingleOrDefaultAsync(cancellationToken);
        return seconds is { } chosen ? TimeSpan.FromSeconds(chosen) : OrderRules.DefaultLifetime;
    }
}
