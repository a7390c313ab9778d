using Flux.Dashboard.Api;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Wallets;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Payments;

/// <summary>
/// The payments a merchant may see in a mode: those matched to their orders, and unmatched ones into their wallets.
/// (Two merchants may register the sandbox's shared test wallet; each sees only their own orders' payments.)
/// </summary>
public sealed class PaymentsQuery(IDbContextFactory<FluxDbContext> dbFactory)
{
    public async Task<List<ChainPayment>> RecentAsync(MerchantScope scope, bool unmatchedOnly, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var payments = Visible(db, scope);
        if (unmatchedOnly)
            payments = payments.Where(p => p.OrderId == null);
        return await payments.OrderByDescending(p => p.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>One payment the scope may see, by its operation id (the API's <c>payment_id</c>); null when it may see none such.</summary>
    public async Task<ChainPayment?> GetAsync(MerchantScope scope, string operationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Visible(db, scope).SingleOrDefaultAsync(p => p.OperationId == operationId, cancellationToken);
    }

    /// <summary>
    /// A page of the payments the scope may see that the filter lets through, newest recorded first, anchored on a
    /// payment's operation id; null when the anchor is not one of them.
    /// </summary>
    public async Task<ListPage<ChainPayment>?> ListAsync(MerchantScope scope, PaymentListFilter filter, ListRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var payments = filter.Apply(Visible(db, scope)).CreatedWithin(request, p => p.CreatedAt);
        var take = request.Limit + 1;
        if (request.Cursor is not { } operationId)
            return ListPage<ChainPayment>.From(await payments.OrderByDescending(p => p.Id).Take(take).ToListAsync(cancellationToken), request);

        var cursor = await payments.Where(p => p.OperationId == operationId).Select(p => (long?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (cursor is not { } id)
            return null;
        var rows = request.StartingAfter is not null
            ? await payments.Where(p => p.Id < id).OrderByDescending(p => p.Id).Take(take).ToListAsync(cancellationToken)
            : await payments.Where(p => p.Id > id).OrderBy(p => p.Id).Take(take).ToListAsync(cancellationToken);
        return ListPage<ChainPayment>.From(rows, request);
    }

    /// <summary>The payments the scope may see, untracked: its orders' payments, and unmatched ones into its wallets.</summary>
    public static IQueryable<ChainPayment> Visible(FluxDbContext db, MerchantScope scope)
    {
        var myOrders = db.Set<Order>().Where(o => o.MerchantId == scope.MerchantId && o.Livemode == scope.Livemode).Select(o => o.Id);
        var myWallets = db.Set<Wallet>().Where(w => w.MerchantId == scope.MerchantId && w.Livemode == scope.Livemode).Select(w => w.Address);
        return db.Set<ChainPayment>().AsNoTracking().Where(p => p.Network == scope.Network
            && ((p.OrderId != null && myOrders.Contains(p.OrderId)) || (p.OrderId == null && myWallets.Contains(p.Wallet))));
    }
}
