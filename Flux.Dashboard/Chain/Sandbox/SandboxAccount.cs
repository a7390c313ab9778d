namespace Flux.Dashboard.Chain.Sandbox;

/// <summary>An account on the built-in sandbox ledger (native balance only).</summary>
public sealed class SandboxAccount
{
    public required string Id { get; init; }
    public long BalanceStroops { get; set; }
    public long Sequence { get; set; }
    public long LastModifiedLedger { get; set; }
    public DateTimeOffset LastModifiedAt { get; set; }
}
