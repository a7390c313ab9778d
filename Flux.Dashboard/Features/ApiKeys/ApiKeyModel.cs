using Flux.Dashboard.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Features.ApiKeys;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("ApiKeys");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).HasMaxLength(32);
        b.Property(k => k.Name).HasMaxLength(ApiKeyService.MaxNameLength);
        b.Property(k => k.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(k => k.Prefix).HasMaxLength(8);
        b.Property(k => k.Last4).HasMaxLength(4).IsFixedLength();
        b.Property(k => k.PublishableKey).HasMaxLength(8 + ApiKeySecret.RandomLength);
        b.Property(k => k.Hash).HasMaxLength(32).IsFixedLength();
        b.Ignore(k => k.Redacted);
        // Every request finds its key by the hash.
        b.HasIndex(k => k.Hash).IsUnique();
        b.HasIndex(k => new { k.MerchantId, k.Livemode, k.CreatedAt });
        // A deleted merchant's keys go with it: they must never authenticate again.
        b.HasOne<Merchant>().WithMany().HasForeignKey(k => k.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}
