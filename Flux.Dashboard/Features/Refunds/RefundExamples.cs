using Flux.Dashboard.Api.Docs;
using Flux.Dashboard.Features.Events;

namespace Flux.Dashboard.Features.Refunds;

/// <summary>Examples for the refunds endpoints in the API reference.</summary>
internal static class RefundExamples
{
    public const string RefundId = "rf_5Zx9QpLm2TtYwR8kVb3n";

    public const string CreateForOrder = $$"""
        {
          "order_id": "{{SeedExamples.OrderId}}",
          "reason": "Overpaid"
        }
        """;

    public const string Refund = $$"""
        {
          "refund_id": "{{RefundId}}",
          "amount": 1.0,
          "status": "pending",
          "created_at": "2025-05-27T22:50:13Z",
          "order_id": "{{SeedExamples.OrderId}}",
          "payment_id": "12884905985",
          "reason": "Overpaid",
          "pay_from": "{{SeedExamples.TestWallet}}",
          "pay_to": "{{EventExamples.Customer}}",
          "memo": "{{RefundId}}",
          "payment_uri": "web+stellar:pay?destination={{EventExamples.Customer}}&amount=1.0000000&memo={{RefundId}}&memo_type=MEMO_TEXT&network_passphrase=Pi%20Network",
          "amount_refunded": 0.0,
          "transaction_hash": null,
          "refunded_at": null,
          "canceled_at": null,
          "livemode": false
        }
        """;

    public const string RefundList = $$"""
        {
          "object": "list",
          "data": [{{Refund}}],
          "has_more": false
        }
        """;
}
