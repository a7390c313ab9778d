using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Chain.Watching;

internal sealed class WatchedWalletConfiguration : IEntityTypeConfiguration<WatchedWallet>
{
    public void Configure(EntityTypeBuilder<WatchedWallet> b)
    {
        b.ToTable("WatchedWallets");
        b.HasKey(w => new { w.Network, w.Address });
        b.Property(w => w.Network).HasMaxLength(64);
        b.Property(w => w.Address).HasMaxLength(56);
    }
}

internal sealed class StreamCursorConfiguration : IEntityTypeConfiguration<StreamCursor>
{
    public void Configure(EntityTypeBuilder<StreamCursor> b)
    {
        b.ToTable("StreamCursors");
        b.HasKey(c => c.Network);
        b.Property(c => c.Network).HasMaxLength(64);
    }
}

internal sealed class ChainPaymentConfiguration : IEntityTypeConfiguration<ChainPayment>
{
    public void Configure(EntityTypeBuilder<ChainPayment> b)
    {
        b.ToTable("ChainPayments");
        b.HasKey(p => p.Id);
        // Stream and catch-up may both see a payment: this index makes recording it idempotent.
        b.HasIndex(p => new { p.Network, p.OperationId }).IsUnique();
        b.HasIndex(p => new { p.Network, p.Wallet });
        b.Property(p => p.Network).HasMaxLength(64);
        b.Property(p => p.Wallet).HasMaxLength(56);
        b.Property(p => p.Memo).HasMaxLength(64);
        b.HasIndex(p => p.OrderId);
    }
}
