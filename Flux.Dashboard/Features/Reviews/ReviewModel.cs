using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Features.Reviews;

internal sealed class ReviewRequestConfiguration : IEntityTypeConfiguration<ReviewRequest>
{
    public void Configure(EntityTypeBuilder<ReviewRequest> b)
    {
        b.ToTable("ReviewRequests");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(28);
        b.Property(x => x.OrderId).HasMaxLength(28);
        b.Property(x => x.ProductName).HasMaxLength(ReviewRules.MaxProductNameLength);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.OrderId);
        b.HasIndex(x => new { x.MerchantId, x.Livemode, x.CreatedAt });
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.ToTable("Reviews");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(28);
        b.Property(x => x.OrderId).HasMaxLength(28);
        b.Property(x => x.ReviewRequestId).HasMaxLength(28);
        b.Property(x => x.ProductName).HasMaxLength(ReviewRules.MaxProductNameLength);
        b.Property(x => x.Title).HasMaxLength(ReviewRules.MaxTitleLength);
        b.Property(x => x.Text).HasMaxLength(ReviewRules.MaxTextLength);
        b.Property(x => x.DisplayName).HasMaxLength(ReviewRules.MaxDisplayNameLength);
        b.Property(x => x.TransactionHash).HasMaxLength(64);
        // One review per order, whatever races the form sees.
        b.HasIndex(x => x.OrderId).IsUnique();
        b.HasIndex(x => new { x.MerchantId, x.Livemode, x.CreatedAt });
    }
}
