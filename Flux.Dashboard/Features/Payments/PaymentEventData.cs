using Flux.Dashboard.Features.Events;

namespace Flux.Dashboard.Features.Payments;

/// <summary>
/// <c>payment.unmatched</c>: a payment into one of the merchant's wallets whose memo names no order of theirs, kept for
/// triage. <see cref="PaymentId"/> is what <c>GET /v1/payments/{id}</c> and a refund's <c>payment_id</c> take.
/// </summary>
public sealed record PaymentUnmatched(string PaymentId, string TransactionHash, string Wallet, string? From, decimal Amount, string? Memo) : IEventData
{
    public static string Type => "payment.unmatched";
    public static IEventData Example => new PaymentUnmatched(EventExamples.PaymentId, EventExamples.TransactionHash, EventExamples.Wallet, EventExamples.Customer, 10.0m, "thanks!");
}
