using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Features.Credits;

internal sealed class CreditEntryConfiguration : IEntityTypeConfiguration<CreditEntry>
{
    public void Configure(EntityTypeBuilder<CreditEntry> b)
    {
        b.ToTable("CreditEntries", t => t.HasCheckConstraint("CK_CreditEntries_BalanceAfter", "\"BalanceAfter\" >= 0"));
        b.HasKey(e => e.Id);
        b.Property(e => e.Reason).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.Note).HasMaxLength(200);
        b.HasIndex(e => new { e.MerchantId, e.Livemode, e.Id });
        // A credit is spent once per order, whatever races: the database refuses a second spend.
        b.HasIndex(e => e.OrderId).IsUnique().HasFilter("\"OrderId\" IS NOT NULL");
        b.HasIndex(e => e.PurchaseId).IsUnique().HasFilter("\"PurchaseId\" IS NOT NULL");
        // A test ledger starts once, however many first looks at it race.
        b.HasIndex(e => new { e.MerchantId, e.Livemode }, "IX_CreditEntries_SandboxStart").IsUnique().HasFilter("\"Reason\" = 'SandboxStart'");
        b.Property(e => e.PurchaseId).HasMaxLength(28);
    }
}

internal sealed class LowBalanceSettingConfiguration : IEntityTypeConfiguration<LowBalanceSetting>
{
    public void Configure(EntityTypeBuilder<LowBalanceSetting> b)
    {
        b.ToTable("LowBalanceSettings");
        b.HasKey(s => new { s.MerchantId, s.Livemode });
    }
}
