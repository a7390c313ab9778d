namespace Flux.Dashboard.Chain.Sandbox;

/// <summary>A closed sandbox transaction: one per ledger, holding one payment operation.</summary>
public sealed class SandboxTransaction
{
    public required string Hash { get; init; }
    public long Ledger { get; init; }
    public long PagingToken { get; init; }
    public required string SourceAccount { get; init; }
    public long SourceAccountSequence { get; init; }
    public string? Memo { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public long FeeCharged { get; init; }
}
