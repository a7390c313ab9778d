using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Credits;

internal static class CreditFixtures
{
    /// <summary>Spends a scope's whole balance on made-up order ids, so paid orders wait for credit.</summary>
    public static async Task DrainCreditsAsync(this FluxAppFactory app, MerchantScope scope)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        var book = new CreditBook(db, TimeProvider.System);
        while (await book.TrySpendAsync(scope.MerchantId, scope.Livemode, $"ord_drain{Guid.NewGuid():N}", CancellationToken.None)) { }
        await db.SaveChangesAsync();
    }

    public static async Task<CreditPurchase> ReloadAsync(this FluxAppFactory app, CreditPurchase purchase)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        return await db.Set<CreditPurchase>().AsNoTracking().SingleAsync(p => p.Id == purchase.Id);
    }

    public static async Task<List<CreditEntry>> LedgerAsync(this FluxAppFactory app, MerchantScope scope, CreditReason reason)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        return await db.Set<CreditEntry>().AsNoTracking()
            .Where(e => e.MerchantId == scope.MerchantId && e.Livemode == scope.Livemode && e.Reason == reason).ToListAsync();
    }

    public static async Task<List<OutboxEvent>> EventsAsync(this FluxAppFactory app, MerchantScope scope, string type)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboxEvent>().AsNoTracking()
            .Where(e => e.MerchantId == scope.MerchantId && e.Livemode == scope.Livemode && e.Type == type).ToListAsync();
    }
}
