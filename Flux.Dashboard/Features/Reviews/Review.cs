namespace Flux.Dashboard.Features.Reviews;

/// <summary>
/// A customer's review of one order (one per order), in the customer's own words, which the merchant may hide but never
/// edit. It carries the proof of purchase: the payment's transaction hash and ledger time.
/// </summary>
public sealed class Review
{
    public required string Id { get; init; }
    public required string MerchantId { get; init; }
    public bool Livemode { get; init; }
    public required string OrderId { get; init; }
    public required string ReviewRequestId { get; init; }
    public required string ProductName { get; init; }
    public int Rating { get; init; }
    public string? Title { get; init; }
    public required string Text { get; init; }
    public required string DisplayName { get; init; }

    /// <summary>The network the order was paid on, for the explorer link.</summary>
    public required string Network { get; init; }

    public required string TransactionHash { get; init; }

    /// <summary>When the ledger holding the payment closed.</summary>
    public DateTimeOffset PaidAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public bool Hidden { get; set; }
}
