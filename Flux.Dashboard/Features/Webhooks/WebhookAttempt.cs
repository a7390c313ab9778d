using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary>One POST of a delivery, as the delivery log shows it.</summary>
public sealed class WebhookAttempt
{
    public const int MaxExcerptLength = 2048;

    public long Id { get; init; }
    public required string DeliveryId { get; init; }
    public int Number { get; init; }
    public required string RequestBody { get; init; }
    public int? ResponseStatus { get; init; }
    public string? ResponseExcerpt { get; init; }
    public long DurationMs { get; init; }
    public string? Error { get; init; }
    public DateTimeOffset AttemptedAt { get; init; }

    public bool Succeeded => ResponseStatus is >= 200 and < 300;
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> b)
    {
        b.ToTable("WebhookAttempts");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.DeliveryId, a.Number });
        b.Property(a => a.ResponseExcerpt).HasMaxLength(WebhookAttempt.MaxExcerptLength);
        b.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
