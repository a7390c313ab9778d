namespace Flux.Dashboard.Chain.Horizon;

/// <summary>One record of Horizon's payments endpoints (an operation), with the joined transaction's memo if any.</summary>
public sealed record PaymentRecord
{
    /// <summary>The operation id: unique per network, the key that makes recording idempotent.</summary>
    public required string Id { get; init; }

    /// <summary>The cursor that resumes a page or stream right after this record.</summary>
    public required string PagingToken { get; init; }

    /// <summary>See <see cref="PaymentTypes"/>; unknown types are kept as-is.</summary>
    public required string Type { get; init; }

    public required string TransactionHash { get; init; }

    public required bool TransactionSuccessful { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? From { get; init; }

    /// <summary>The receiving <c>G…</c> account (the base account when paid to a muxed address).</summary>
    public string? To { get; init; }

    public string? ToMuxed { get; init; }

    public ulong? ToMuxedId { get; init; }

    /// <summary><c>native</c> for Pi; for path payments, the asset the destination received.</summary>
    public string? AssetType { get; init; }

    /// <summary>Exact amount (at most 7 decimals); null for types that carry none, such as <c>create_account</c>.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The transaction was embedded (<c>join=transactions</c>), so <see cref="Memo"/> is known, even if absent.</summary>
    public bool IsTransactionJoined { get; init; }

    public long? Ledger { get; init; }

    public string? MemoType { get; init; }

    public string? Memo { get; init; }
}
