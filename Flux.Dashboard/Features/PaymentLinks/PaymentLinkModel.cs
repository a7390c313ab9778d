using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Features.PaymentLinks;

internal sealed class PaymentLinkConfiguration : IEntityTypeConfiguration<PaymentLink>
{
    public void Configure(EntityTypeBuilder<PaymentLink> b)
    {
        b.ToTable("PaymentLinks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(28);
        b.Property(x => x.PayTo).HasMaxLength(56);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.ProductName).HasMaxLength(PaymentLinkRules.MaxProductNameLength);
        b.Property(x => x.SuccessUrl).HasMaxLength(Buttons.ButtonRules.MaxSuccessUrlLength);
        b.HasIndex(x => new { x.MerchantId, x.Livemode, x.CreatedAt });
    }
}
