using Flux.Dashboard.Chain.Watching;

namespace Flux.Dashboard.Features.Orders;

public enum TimelineStep
{
    Created,
    PaymentSeen,
    Underpaid,
    AwaitingCredit,
    Confirmed,
    Expired,
    PaidAfterExpiry,
    Canceled,
    /// <summary>A payment that arrived once the order was settled: the customer may be owed a refund.</summary>
    PaymentAfterClose,
    /// <summary>Still open: nothing (or not enough) has arrived and the order has not expired.</summary>
    WaitingForPayment,
}

/// <summary>One step of an order's history; <see cref="At"/> is null for the open step that has not happened yet.</summary>
public sealed record TimelineEntry(TimelineStep Step, DateTimeOffset? At, string Title, string? Detail = null, ChainPayment? Payment = null);

/// <summary>Tells an order's story from its row and the payments matched to it: created → payment(s) seen → outcome.</summary>
public static class OrderTimeline
{
    public static IReadOnlyList<TimelineEntry> Build(Order order, IReadOnlyList<ChainPayment> payments, TimeZoneInfo? zone = null)
    {
        var entries = new List<TimelineEntry>
        {
            new(TimelineStep.Created, order.CreatedAt, "Order created",
                $"{PiFormat.Amount(order.Amount)} Pi to be paid with memo {order.Memo}."),
        };
        entries.AddRange(payments.Select(p => p.AfterOrderClosed
            ? new TimelineEntry(TimelineStep.PaymentAfterClose, p.CreatedAt, $"Payment after the order was settled: {PiFormat.Amount(p.Amount)} Pi",
                $"{(p.From is null ? "" : $"From {PiFormat.ShortAddress(p.From)}. ")}The order stays {OrderStatusDisplay.Label(order.Status).ToLowerInvariant()}: refund the customer, or keep the Pi.", p)
            : new TimelineEntry(TimelineStep.PaymentSeen, p.CreatedAt,
                $"Payment seen: {PiFormat.Amount(p.Amount)} Pi", p.From is null ? null : $"From {PiFormat.ShortAddress(p.From)}", p)));

        var lastPaymentAt = payments.Count > 0 ? payments.Max(p => p.CreatedAt) : (DateTimeOffset?)null;
        var due = order.Amount - order.AmountReceived;
        switch (order.Status)
        {
            case OrderStatus.PendingConfirmation:
                entries.Add(new(TimelineStep.WaitingForPayment, null, "Waiting for payment", $"Expires at {DisplayTime.Of(order.ExpiresAt, zone ?? TimeZoneInfo.Utc)}."));
                break;
            case OrderStatus.Underpaid:
                entries.Add(new(TimelineStep.Underpaid, lastPaymentAt ?? order.CreatedAt, "Underpaid",
                    $"{PiFormat.Amount(order.AmountReceived)} of {PiFormat.Amount(order.Amount)} Pi received; {PiFormat.Amount(due)} Pi still due."));
                entries.Add(new(TimelineStep.WaitingForPayment, null, "Waiting for the rest", $"Expires at {DisplayTime.Of(order.ExpiresAt, zone ?? TimeZoneInfo.Utc)}."));
                break;
            case OrderStatus.AwaitingCredit:
                entries.Add(new(TimelineStep.AwaitingCredit, order.PaidAt ?? lastPaymentAt, "Paid — awaiting credit",
                    "You have no credits left in this mode. The order confirms on its own as soon as you add credits."));
                break;
            case OrderStatus.Confirmed:
                entries.Add(new(TimelineStep.Confirmed, order.ConfirmedAt ?? order.PaidAt, "Confirmed",
                    order.Overpaid ? $"Overpaid by {PiFormat.Amount(-due)} Pi." : null));
                break;
            case OrderStatus.Expired:
                entries.Add(new(TimelineStep.Expired, order.ExpiresAt, "Expired",
                    order.AmountReceived > 0
                        ? $"Only {PiFormat.Amount(order.AmountReceived)} of {PiFormat.Amount(order.Amount)} Pi arrived in time."
                        : "No payment arrived in time."));
                break;
            case OrderStatus.PaidAfterExpiry:
                entries.Add(new(TimelineStep.Expired, order.ExpiresAt, "Expired"));
                entries.Add(new(TimelineStep.PaidAfterExpiry, order.PaidAt ?? lastPaymentAt, "Paid after expiry",
                    "The payment is kept on the order: decide whether to fulfil it or refund the customer."));
                break;
            case OrderStatus.Canceled:
                entries.Add(new(TimelineStep.Canceled, order.CanceledAt, "Canceled",
                    order.AmountReceived > 0 ? $"{PiFormat.Amount(order.AmountReceived)} Pi was received for it." : null));
                break;
        }

        // Chronological, the open step last. Ledger times have whole seconds, so a payment in the second the order was
        // created can read as earlier: nothing sorts before the creation, and the list order breaks ties.
        return entries.Select((entry, index) => (entry, index))
            .OrderBy(e => e.entry.At is null)
            .ThenBy(e => e.entry.At < order.CreatedAt ? order.CreatedAt : e.entry.At)
            .ThenBy(e => e.index)
            .Select(e => e.entry)
            .ToList();
    }
}
