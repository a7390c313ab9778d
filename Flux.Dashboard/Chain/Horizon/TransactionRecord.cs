namespace Flux.Dashboard.Chain.Horizon;

public sealed record TransactionRecord
{
    public required string Hash { get; init; }
    public required string PagingToken { get; init; }
    public required bool Successful { get; init; }
    public required long Ledger { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string SourceAccount { get; init; }
    public string? SourceAccountMuxed { get; init; }
    public ulong? SourceAccountMuxedId { get; init; }

    /// <summary><c>none</c>, <c>text</c>, <c>id</c>, <c>hash</c> or <c>return</c>.</summary>
    public required string MemoType { get; init; }

    public string? Memo { get; init; }
}
