using Flux.Dashboard.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Features.Rates;

internal sealed class FixedRateConfiguration : IEntityTypeConfiguration<FixedRate>
{
    public void Configure(EntityTypeBuilder<FixedRate> b)
    {
        b.ToTable("FixedRates");
        b.HasKey(r => new { r.MerchantId, r.Currency });
        b.Property(r => r.Currency).HasMaxLength(3);
        b.Property(r => r.Value).HasPrecision(28, PriceRules.MaxRateDecimals);
        b.HasOne<Merchant>().WithMany().HasForeignKey(r => r.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProviderRateConfiguration : IEntityTypeConfiguration<ProviderRate>
{
    public void Configure(EntityTypeBuilder<ProviderRate> b)
    {
        b.ToTable("ProviderRates");
        b.HasKey(r => r.Currency);
        b.Property(r => r.Currency).HasMaxLength(3);
        b.Property(r => r.Value).HasPrecision(28, PriceRules.MaxRateDecimals);
    }
}
