using Flux.Dashboard.Data;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Features.Buttons;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Wallets;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Overview;

/// <summary>Reads a merchant's checklist from their data, in both modes, and puts a finished checklist away.</summary>
public sealed class GetStartedQuery(IDbContextFactory<FluxDbContext> dbFactory)
{
    public async Task<GetStartedProgress> GetAsync(string merchantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var merchant = await db.Users.Where(m => m.Id == merchantId)
            .Select(m => new { m.ShopName, m.GetStartedHidden })
            .SingleAsync(cancellationToken);
        var testOrders = db.Set<Order>().Where(o => o.MerchantId == merchantId && !o.Livemode);
        var facts = new GetStartedFacts(
            HasWallet: await db.Set<Wallet>().AnyAsync(w => w.MerchantId == merchantId && w.RemovedAt == null, cancellationToken),
            HasTestOrder: await testOrders.AnyAsync(cancellationToken),
            HasPaidTestOrder: await testOrders.AnyAsync(o => o.ConfirmedAt != null || o.PaidAt != null, cancellationToken),
            HasButton: await db.Set<OrderButton>().AnyAsync(b => b.MerchantId == merchantId, cancellationToken),
            HasApiKey: await db.Set<ApiKey>().AnyAsync(k => k.MerchantId == merchantId, cancellationToken),
            HasShopName: !string.IsNullOrWhiteSpace(merchant.ShopName),
            BoughtLiveCredits: await db.Set<CreditPurchase>()
                .AnyAsync(p => p.MerchantId == merchantId && p.Livemode && p.Status == PurchaseStatus.Paid, cancellationToken),
            UnpaidTestOrderId: await testOrders.Where(o => o.Status == OrderStatus.PendingConfirmation)
                .OrderByDescending(o => o.Id).Select(o => o.Id).FirstOrDefaultAsync(cancellationToken));
        return GetStartedChecklist.For(facts, merchant.GetStartedHidden);
    }

    /// <summary>Puts the checklist away; only a finished one can be (false otherwise, and nothing changes).</summary>
    public async Task<bool> HideAsync(string merchantId, CancellationToken cancellationToken = default)
    {
        if (!(await GetAsync(merchantId, cancellationToken)).Complete)
            return false;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(m => m.Id == merchantId).ExecuteUpdateAsync(s => s.SetProperty(m => m.GetStartedHidden, true), cancellationToken);
        return true;
    }
}
