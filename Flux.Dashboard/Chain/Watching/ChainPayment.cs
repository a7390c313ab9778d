namespace Flux.Dashboard.Chain.Watching;

/// <summary>A native Pi payment seen on chain into a watched wallet; recorded once per (network, operation id).</summary>
public sealed class ChainPayment
{
    public long Id { get; init; }
    public required string Network { get; init; }
    public required string OperationId { get; init; }
    public required string PagingToken { get; init; }
    public required string TransactionHash { get; init; }
    public long? Ledger { get; init; }
    public string? From { get; init; }
    public required string Wallet { get; init; }
    public string? ToMuxed { get; init; }
    public decimal Amount { get; init; }
    public string? MemoType { get; init; }
    public string? Memo { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>The order this payment was matched to, set by whoever handles payments (null: unmatched).</summary>
    public string? OrderId { get; set; }
}
