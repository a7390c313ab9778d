using Flux.Dashboard.Api;

namespace Flux.Dashboard.Features.Refunds;

/// <summary>
/// A refund: an instruction to pay <see cref="Amount"/> Pi from <see cref="PayFrom"/> (the merchant's wallet that received
/// the money) to <see cref="PayTo"/> (the customer who sent it) with the refund id as text memo, and then what the
/// watcher saw of that payment. Flux never holds Pi: the merchant sends it, Flux verifies it on chain.
/// </summary>
public sealed class Refund : IListedRow
{
    public required string Id { get; init; }
    public required string MerchantId { get; init; }
    public bool Livemode { get; init; }
    public required string Network { get; init; }

    /// <summary>The order whose money goes back; null for an unmatched payment's refund.</summary>
    public string? OrderId { get; init; }

    /// <summary>The payment (its operation id) whose sender is paid back: the one named, or the order's latest.</summary>
    public required string PaymentId { get; init; }

    public required string PayFrom { get; init; }
    public required string PayTo { get; init; }
    public decimal Amount { get; init; }
    public string? Reason { get; init; }

    /// <summary>The Stellar text memo the refund payment must carry: the refund id itself.</summary>
    public string Memo => Id;

    public RefundStatus Status { get; set; }

    /// <summary>What the refund payment sent: <see cref="Amount"/> or more once succeeded, less when partially refunded.</summary>
    public decimal AmountRefunded { get; set; }

    /// <summary>The refund payment's transaction and operation (unique: one payment settles one refund).</summary>
    public string? TransactionHash { get; set; }

    public string? OperationId { get; set; }

    /// <summary>When the refund payment's ledger closed.</summary>
    public DateTimeOffset? RefundedAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CanceledAt { get; set; }

    /// <summary>What this refund takes of the money it refunds: all of it while open, what was sent once paid, none once canceled.</summary>
    public decimal Committed => RefundRules.Committed(Status, Amount, AmountRefunded);
}
