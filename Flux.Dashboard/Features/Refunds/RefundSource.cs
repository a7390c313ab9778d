using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Common;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Payments;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Refunds;

/// <summary>
/// The money a refund returns: an order's (all its payments, whichever of them was named), or one unmatched payment's;
/// and the payment whose sender gets it back.
/// </summary>
/// <param name="Payment">Null only for an order nothing was paid for.</param>
internal sealed record RefundSource(Order? Order, ChainPayment? Payment, string Field)
{
    /// <summary>The lock under which refunds of this money are created (<see cref="DatabaseLocks"/>).</summary>
    public string LockName => Order is { } order ? $"flux:refunds:{order.Id}" : $"flux:refunds:{Payment!.Network}:{Payment.OperationId}";

    /// <summary>The refunds that already take from this money.</summary>
    public IQueryable<Refund> RefundsOf(FluxDbContext db) => Order is { } order
        ? db.Set<Refund>().Where(r => r.OrderId == order.Id)
        : db.Set<Refund>().Where(r => r.OrderId == null && r.Network == Payment!.Network && r.PaymentId == Payment.OperationId);

    public (RefundableMoney? Money, FieldError? Error) Refundable(decimal committed) => Order is { } order
        ? RefundRules.ForOrder(order.Status, order.Amount, order.AmountReceived, committed)
        : RefundRules.ForPayment(Payment!.Amount, committed);

    /// <summary>The scope's order and its latest payment; null when the scope has no such order.</summary>
    public static async Task<RefundSource?> OfOrderAsync(FluxDbContext db, MerchantScope scope, string orderId, CancellationToken cancellationToken)
    {
        var order = await db.Set<Order>().AsNoTracking()
            .SingleOrDefaultAsync(o => o.Id == orderId && o.MerchantId == scope.MerchantId && o.Livemode == scope.Livemode, cancellationToken);
        if (order is null)
            return null;
        var latest = await db.Set<ChainPayment>().AsNoTracking().Where(p => p.OrderId == order.Id)
            .OrderByDescending(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        return new(order, latest, "order_id");
    }

    /// <summary>A payment the scope may see: its order's money when it paid one, else its own; null when the scope has no such payment.</summary>
    public static async Task<RefundSource?> OfPaymentAsync(FluxDbContext db, MerchantScope scope, string paymentId, CancellationToken cancellationToken)
    {
        var payment = await PaymentsQuery.Visible(db, scope).SingleOrDefaultAsync(p => p.OperationId == paymentId, cancellationToken);
        if (payment is null)
            return null;
        var order = payment.OrderId is { } orderId ? await db.Set<Order>().AsNoTracking().SingleAsync(o => o.Id == orderId, cancellationToken) : null;
        return new(order, payment, "payment_id");
    }
}
