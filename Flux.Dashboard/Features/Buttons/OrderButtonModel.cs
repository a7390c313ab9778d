using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Features.Buttons;

internal sealed class OrderButtonConfiguration : IEntityTypeConfiguration<OrderButton>
{
    public void Configure(EntityTypeBuilder<OrderButton> b)
    {
        b.ToTable("OrderButtons");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(28);
        b.Property(x => x.PayTo).HasMaxLength(56);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Label).HasMaxLength(ButtonRules.MaxLabelLength);
        b.Property(x => x.ProductName).HasMaxLength(ButtonRules.MaxProductNameLength);
        b.Property(x => x.Color).HasMaxLength(7);
        b.Property(x => x.Size).HasMaxLength(8);
        b.Property(x => x.Shape).HasMaxLength(8);
        b.Property(x => x.Theme).HasMaxLength(8);
        b.Property(x => x.SuccessUrl).HasMaxLength(ButtonRules.MaxSuccessUrlLength);
        b.Ignore(x => x.CustomerEntersAmount);
        b.Ignore(x => x.Archived);
        b.Ignore(x => x.TakesOrders);
        b.Ignore(x => x.Product);
        b.Ignore(x => x.Style);
        b.HasIndex(x => new { x.MerchantId, x.Livemode, x.CreatedAt });
    }
}
