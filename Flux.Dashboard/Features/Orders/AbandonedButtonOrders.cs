using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;

namespace Flux.Dashboard.Features.Orders;

/// <summary>
/// Orders a customer started anonymously from an order button or a payment link and left unpaid: expired or canceled
/// with no payment seen. Public buttons and links invite order spam (docs/architecture.md, "The button and the checkout"), so the Orders page hides these unless asked, and they are
/// purged after <see cref="PurgeAfter"/>. An order with any payment, however small or late, is never one of them.
/// </summary>
public static class AbandonedButtonOrders
{
    public static readonly TimeSpan PurgeAfter = TimeSpan.FromDays(30);

    public static IQueryable<Order> Only(FluxDbContext db, IQueryable<Order> orders) =>
        orders.Where(o => (o.ButtonId != null || o.PaymentLinkId != null) && (o.Status == OrderStatus.Expired || o.Status == OrderStatus.Canceled)
            && !db.Set<ChainPayment>().Any(p => p.OrderId == o.Id));

    public static IQueryable<Order> Except(FluxDbContext db, IQueryable<Order> orders) =>
        orders.Where(o => !((o.ButtonId != null || o.PaymentLinkId != null) && (o.Status == OrderStatus.Expired || o.Status == OrderStatus.Canceled)
            && !db.Set<ChainPayment>().Any(p => p.OrderId == o.Id)));
}
