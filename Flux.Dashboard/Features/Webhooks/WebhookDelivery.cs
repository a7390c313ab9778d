using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Features.Webhooks;

public enum WebhookDeliveryState
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>One event on its way to one endpoint: created once when the event is dispatched, then attempted until a 2xx or the schedule ends.</summary>
public sealed class WebhookDelivery
{
    public required string Id { get; init; }
    public required string EndpointId { get; init; }
    public required string EventId { get; init; }
    public required string EventType { get; init; }

    /// <summary>The event envelope exactly as sent (and signed).</summary>
    public required string Payload { get; init; }

    public WebhookDeliveryState State { get; set; }
    public int Attempts { get; set; }

    /// <summary>When the next attempt is due (pending only); the sweep starts any attempt whose job was lost.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("WebhookDeliveries");
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.EndpointId, d.EventId }).IsUnique();
        b.HasIndex(d => new { d.EndpointId, d.CreatedAt });
        b.HasIndex(d => new { d.State, d.NextAttemptAt });
        b.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.EventType).HasMaxLength(64);
        b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}
