using System.Text.Json;
using Flux.Dashboard.Data;

namespace Flux.Dashboard.Features.Events;

/// <summary>Appends events to the outbox in the caller's unit of work, so an event exists exactly when its change does.</summary>
public static class Outbox
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static OutboxEvent Append(FluxDbContext db, string merchantId, bool livemode, string type, object data, DateTimeOffset now)
    {
        var outboxEvent = Event(merchantId, livemode, type, data, now);
        db.Add(outboxEvent);
        return outboxEvent;
    }

    /// <summary>A new event, for a caller that writes it in its own transaction (the order group commit).</summary>
    public static OutboxEvent Event(string merchantId, bool livemode, string type, object data, DateTimeOffset now) => new()
    {
        Id = PublicId.Sequential("evt", 24),
        MerchantId = merchantId,
        Livemode = livemode,
        Type = type,
        Data = JsonSerializer.Serialize(data, Json),
        CreatedAt = now,
    };
}
