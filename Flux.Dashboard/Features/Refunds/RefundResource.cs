namespace Flux.Dashboard.Features.Refunds;

/// <summary>
/// A refund as the API shows it: pay <c>amount</c> from <c>pay_from</c> to <c>pay_to</c> with <c>memo</c> (or open
/// <c>payment_uri</c>, SEP-0007, in the wallet app), and what the watcher saw of that payment.
/// </summary>
public sealed record RefundResource(
    string RefundId,
    decimal Amount,
    RefundStatus Status,
    DateTimeOffset CreatedAt,
    string? OrderId,
    string PaymentId,
    string? Reason,
    string PayFrom,
    string PayTo,
    string Memo,
    string PaymentUri,
    decimal AmountRefunded,
    string? TransactionHash,
    DateTimeOffset? RefundedAt,
    DateTimeOffset? CanceledAt,
    bool Livemode)
{
    public static RefundResource Of(Refund refund, string paymentUri) => new(
        refund.Id, refund.Amount, refund.Status, refund.CreatedAt, refund.OrderId, refund.PaymentId, refund.Reason,
        refund.PayFrom, refund.PayTo, refund.Memo, paymentUri,
        refund.AmountRefunded, refund.TransactionHash, refund.RefundedAt, refund.CanceledAt, refund.Livemode);
}

/// <summary>
/// The body of <c>POST /v1/refunds</c>: <c>{"order_id": "ord_…"}</c> or <c>{"payment_id": "…"}</c>, with an optional
/// <c>amount</c> (by default what is refundable) and <c>reason</c>.
/// </summary>
public sealed record CreateRefundBody(string? OrderId = null, string? PaymentId = null, decimal? Amount = null, string? Reason = null);
