namespace Flux.Dashboard.Chain.Sandbox;

/// <summary>A native <c>payment</c> operation on the sandbox ledger; its id is Horizon's TOID (also the paging token).</summary>
public sealed class SandboxPayment
{
    public long Id { get; init; }
    public required string TransactionHash { get; init; }
    public long Ledger { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public long AmountStroops { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
