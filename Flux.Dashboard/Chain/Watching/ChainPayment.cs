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

    /// <summary>
    /// Set by whoever handles payments: the order had already been settled (confirmed, canceled, …) when this payment for
    /// it arrived, so it changes nothing but what was received, and the customer may be owed a refund.
    /// </summary>
    public bool AfterOrderClosed { get; set; }

    public static ChainPayment Of(ObservedPayment payment, DateTimeOffset recordedAt)
    {
        var record = payment.Record;
        return new ChainPayment
        {
            Network = payment.Network,
            OperationId = record.Id,
            PagingToken = record.PagingToken,
            TransactionHash = record.TransactionHash,
            Ledger = record.Ledger,
            From = record.From,
            Wallet = payment.Wallet,
            ToMuxed = record.ToMuxed,
            Amount = record.Amount ?? 0,
            MemoType = record.MemoType,
            Memo = record.Memo,
            CreatedAt = record.CreatedAt,
            RecordedAt = recordedAt,
        };
    }
}
