namespace Flux.Dashboard.Features.Credits;

public enum CreditReason { SandboxStart, SandboxRefill, Grant, Purchase, Order, Adjustment }

/// <summary>
/// One line of a merchant's append-only credit ledger (per mode). <see cref="BalanceAfter"/> chains the lines, so
/// the balance is the last line's and can be checked never to go below 0.
/// </summary>
public sealed class CreditEntry
{
    public long Id { get; init; }
    public required string MerchantId { get; init; }
    public bool Livemode { get; init; }
    public int Delta { get; init; }
    public int BalanceAfter { get; init; }
    public CreditReason Reason { get; init; }

    /// <summary>The order a spent credit confirmed; at most one spend per order (unique index).</summary>
    public string? OrderId { get; init; }

    /// <summary>The credit purchase these credits came from; a purchase grants at most once (unique index).</summary>
    public string? PurchaseId { get; init; }

    public string? Note { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
