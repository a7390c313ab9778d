using Flux.Dashboard.Common;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Features.Refunds;

/// <summary>What may still go back of some money: what arrived, what refunds already take of it, and what a refund takes by default.</summary>
public sealed record RefundableMoney(decimal Received, decimal Committed, decimal DefaultAmount)
{
    /// <summary>The most a new refund may send back: a refund can never exceed what was received.</summary>
    public decimal Left => Math.Max(0, Received - Committed);
}

/// <summary>
/// A refund's state machine and amounts (docs/api.md, "Refunds"). Pure: no clock, no database. A refund is
/// <c>pending</c> until the watcher sees the merchant's payment with its memo, which makes it <c>succeeded</c> (the whole
/// amount or more) or <c>partially_refunded</c> (less); only a pending refund can be canceled.
/// </summary>
public static class RefundRules
{
    public const int MaxReasonLength = 500;

    /// <summary>What a refund in <paramref name="status"/> takes of the money it refunds.</summary>
    public static decimal Committed(RefundStatus status, decimal amount, decimal refunded) => status switch
    {
        RefundStatus.Pending => amount,
        RefundStatus.Succeeded or RefundStatus.PartiallyRefunded => refunded,
        _ => 0,
    };

    /// <summary>
    /// An order's refundable money, or why none is: an order still waiting for payment must be canceled first (its
    /// customer may still pay the rest); a fulfilled order (confirmed, or paid and awaiting credit) gives back its overpaid
    /// part by default; any other (expired, canceled, paid after expiry) everything it received.
    /// </summary>
    public static (RefundableMoney? Money, FieldError? Error) ForOrder(OrderStatus status, decimal price, decimal received, decimal committed)
    {
        if (status is OrderStatus.PendingConfirmation or OrderStatus.Underpaid)
            return (null, new("order_id", $"The order is {status.ApiName()}, still waiting for payment: cancel it before refunding what it received."));
        var fulfilled = status is OrderStatus.Confirmed or OrderStatus.AwaitingCredit;
        var byDefault = fulfilled ? received - price - committed : received - committed;
        return Refundable(new(received, committed, Math.Max(0, byDefault)), "order_id", "The order");
    }

    /// <summary>An unmatched payment's refundable money: all of it by default.</summary>
    public static (RefundableMoney? Money, FieldError? Error) ForPayment(decimal amount, decimal committed) =>
        Refundable(new(amount, committed, Math.Max(0, amount - committed)), "payment_id", "The payment");

    /// <summary>The amount a new refund takes: the one asked for, else the default; an error when that is none, or more than is left.</summary>
    public static (decimal? Amount, FieldError? Error) Amount(RefundableMoney money, decimal? requested)
    {
        if (requested is not { } amount)
        {
            return money.DefaultAmount > 0
                ? (money.DefaultAmount, null)
                : (null, new("amount", $"Nothing is refunded by default: no overpaid part is left to refund. Name the amount (at most {PiFormat.Exact(money.Left)} Pi)."));
        }
        if (OrderRules.AmountError(amount) is { } invalid)
            return (null, new("amount", invalid));
        if (amount > money.Left)
        {
            return (null, new("amount",
                $"A refund can never exceed what was received: {PiFormat.Exact(money.Received)} Pi arrived and refunds take {PiFormat.Exact(money.Committed)} Pi of it, so at most {PiFormat.Exact(money.Left)} Pi is left."));
        }
        return (amount, null);
    }

    /// <summary>The status a refund payment of <paramref name="sent"/> Pi leads to; null when the refund is not open for one.</summary>
    public static RefundStatus? AfterPayment(RefundStatus status, decimal amount, decimal sent) =>
        status != RefundStatus.Pending ? null
        : sent >= amount ? RefundStatus.Succeeded
        : RefundStatus.PartiallyRefunded;

    /// <summary>What the merchant is told when a refund id names none of the scope's refunds.</summary>
    public static string NoSuchRefund(string refundId) => $"No such refund: '{refundId}'.";

    /// <summary>Why a refund in <paramref name="status"/> cannot be canceled, or null when it can.</summary>
    public static string? CancelError(RefundStatus status) => status switch
    {
        RefundStatus.Pending => null,
        RefundStatus.Canceled => "The refund is canceled already.",
        _ => $"The refund is {status.ApiName()}: its payment was seen on chain, so it cannot be canceled.",
    };

    private static (RefundableMoney?, FieldError?) Refundable(RefundableMoney money, string field, string what) =>
        money.Left > 0
            ? (money, null)
            : (null, new(field, money.Received == 0
                ? $"{what} has received nothing to refund."
                : $"Nothing left to refund: {PiFormat.Exact(money.Received)} Pi arrived and refunds take all of it."));
}
