using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Features.Wallets;

internal sealed class WalletConfiguration : IEntityTypeConfiguration<Wallet>
{
    public void Configure(EntityTypeBuilder<Wallet> b)
    {
        b.ToTable("Wallets");
        b.HasKey(w => w.Id);
        b.Property(w => w.Id).HasMaxLength(32);
        b.Property(w => w.Address).HasMaxLength(56);
        b.Property(w => w.Network).HasMaxLength(64);
        b.Property(w => w.Label).HasMaxLength(100);
        // One row per address per merchant and mode; removing and adding again restores the row.
        b.HasIndex(w => new { w.MerchantId, w.Livemode, w.Address }).IsUnique();
    }
}
