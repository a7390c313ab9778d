using Flux.Dashboard.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Features.Webhooks;

public enum WebhookEndpointStatus
{
    Enabled,
    Disabled,
}

/// <summary>
/// A merchant's URL that receives signed events of one mode. The secret signs every delivery, so it is kept as is
/// (not hashed) and shown only when its owner asks for it.
/// </summary>
public sealed class WebhookEndpoint : IListedRow
{
    public const string AllEvents = "*";

    public required string Id { get; init; }
    public required string MerchantId { get; init; }
    public bool Livemode { get; init; }
    public required string Url { get; set; }

    /// <summary>The event types sent here, or just <see cref="AllEvents"/>.</summary>
    public List<string> EnabledEvents { get; set; } = [];

    public string? Description { get; set; }
    public required string Secret { get; set; }
    public WebhookEndpointStatus Status { get; set; }

    /// <summary>When the first of the failures since the last success happened; null while deliveries succeed.</summary>
    public DateTimeOffset? FailingSince { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether an endpoint with these <see cref="EnabledEvents"/> is sent events of the type.</summary>
    public static bool Subscribes(IReadOnlyCollection<string> enabledEvents, string eventType) =>
        enabledEvents.Contains(AllEvents) || enabledEvents.Contains(eventType);
}

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.ToTable("WebhookEndpoints");
        b.HasKey(e => e.Id);
        b.Property(e => e.Url).HasMaxLength(WebhookUrlRules.MaxLength);
        b.Property(e => e.Description).HasMaxLength(WebhookEndpointRules.MaxDescriptionLength);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        b.PrimitiveCollection(e => e.EnabledEvents);
        b.HasIndex(e => new { e.MerchantId, e.Livemode, e.CreatedAt });
    }
}
