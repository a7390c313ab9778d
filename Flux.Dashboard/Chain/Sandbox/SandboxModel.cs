using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Chain.Sandbox;

internal sealed class SandboxAccountConfiguration : IEntityTypeConfiguration<SandboxAccount>
{
    public void Configure(EntityTypeBuilder<SandboxAccount> b)
    {
        b.ToTable("SandboxAccounts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).HasMaxLength(56);
        b.HasData(new SandboxAccount
        {
            Id = SandboxTestWallet.Address,
            BalanceStroops = SandboxLedger.TestWalletStartingBalance * Stroops.PerPi,
            Sequence = 0,
            LastModifiedLedger = 0,
            LastModifiedAt = SandboxLedger.Genesis,
        });
    }
}

internal sealed class SandboxTransactionConfiguration : IEntityTypeConfiguration<SandboxTransaction>
{
    public void Configure(EntityTypeBuilder<SandboxTransaction> b)
    {
        b.ToTable("SandboxTransactions");
        b.HasKey(t => t.Hash);
        b.Property(t => t.Hash).HasMaxLength(64);
        // The TOID paging token is unique per transaction: two ledgers closed at once could never both commit.
        b.HasIndex(t => t.PagingToken).IsUnique();
        b.HasIndex(t => t.Ledger);
        b.Property(t => t.Memo).HasMaxLength(28);
    }
}

internal sealed class SandboxPaymentConfiguration : IEntityTypeConfiguration<SandboxPayment>
{
    public void Configure(EntityTypeBuilder<SandboxPayment> b)
    {
        b.ToTable("SandboxPayments");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.HasIndex(p => new { p.To, p.Id });
        b.HasIndex(p => new { p.From, p.Id });
        b.HasOne<SandboxTransaction>().WithMany().HasForeignKey(p => p.TransactionHash);
    }
}
