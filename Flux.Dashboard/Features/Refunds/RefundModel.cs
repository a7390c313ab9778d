using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Features.Refunds;

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> b)
    {
        b.ToTable("Refunds");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasMaxLength(28);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.OrderId).HasMaxLength(28);
        b.Property(r => r.PayFrom).HasMaxLength(56);
        b.Property(r => r.PayTo).HasMaxLength(56);
        b.Property(r => r.Reason).HasMaxLength(RefundRules.MaxReasonLength);
        b.Ignore(r => r.Memo);
        b.Ignore(r => r.Committed);
        b.HasIndex(r => new { r.MerchantId, r.Livemode, r.CreatedAt });
        // The refunds of one order, or of one unmatched payment: read under the refund lock to see what is left.
        b.HasIndex(r => r.OrderId).HasFilter("\"OrderId\" IS NOT NULL");
        b.HasIndex(r => new { r.Network, r.PaymentId });
        // One payment on chain settles at most one refund, whoever sees it (stream, catch-up, another process).
        b.HasIndex(r => new { r.Network, r.OperationId }).IsUnique().HasFilter("\"OperationId\" IS NOT NULL");
    }
}
