using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Features.Credits;

public enum PurchaseStatus { Pending, Underpaid, Paid }

/// <summary>
/// A merchant's order to Flux for a pack of credits, paid in Pi into Flux's treasury wallet with the purchase id as the
/// text memo. Partial payments add up; the pack is granted once, when the sum reaches the price.
/// </summary>
public sealed class CreditPurchase
{
    public const string IdPrefix = "cp";

    /// <summary><c>cp_</c> + 20 base62 characters: 23 bytes, inside Stellar's 28-byte text memo.</summary>
    public required string Id { get; init; }
    public required string MerchantId { get; init; }
    public bool Livemode { get; init; }
    public required string Network { get; init; }
    public required string PayTo { get; init; }
    public int Credits { get; init; }
    public decimal Price { get; init; }
    public decimal AmountReceived { get; set; }
    public PurchaseStatus Status { get; set; }
    public string? TransactionHash { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PaidAt { get; set; }

    public string Memo => Id;
    public decimal AmountDue => Math.Max(Price - AmountReceived, 0);
    public decimal Overpayment => Status == PurchaseStatus.Paid ? Math.Max(AmountReceived - Price, 0) : 0;

    public static bool IsPurchaseMemo(string? memo) => memo?.StartsWith(IdPrefix + "_", StringComparison.Ordinal) == true;
}

internal sealed class CreditPurchaseConfiguration : IEntityTypeConfiguration<CreditPurchase>
{
    public void Configure(EntityTypeBuilder<CreditPurchase> b)
    {
        b.ToTable("CreditPurchases");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(28);
        b.Property(p => p.Network).HasMaxLength(64);
        b.Property(p => p.PayTo).HasMaxLength(56);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.TransactionHash).HasMaxLength(64);
        b.HasIndex(p => new { p.MerchantId, p.Livemode, p.CreatedAt });
    }
}
