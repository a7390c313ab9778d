namespace Flux.Dashboard.Features.Events;

/// <summary>The event types of DESIGN.md §3, as webhooks and the SDK stream name them.</summary>
public static class EventTypes
{
    public const string OrderCreated = "order.created";
    public const string OrderConfirmed = "order.confirmed";
    public const string OrderUnderpaid = "order.underpaid";
    public const string OrderAwaitingCredit = "order.awaiting_credit";
    public const string OrderExpired = "order.expired";
    public const string OrderPaidAfterExpiry = "order.paid_after_expiry";
    public const string OrderCanceled = "order.canceled";
    public const string OrderPaymentAfterClose = "order.payment_after_close";
    public const string CreditUsed = "credit.used";
    public const string PaymentUnmatched = "payment.unmatched";
    public const string CreditsPurchased = "credits.purchased";
    public const string CreditsPurchaseUnderpaid = "credits.purchase_underpaid";
    public const string CreditsLow = "credits.low";
    public const string ReviewSubmitted = "review.submitted";
}
