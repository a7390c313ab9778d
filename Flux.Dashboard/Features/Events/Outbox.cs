using System.Text.Json;
using Flux.Dashboard.Data;

namespace Flux.Dashboard.Features.Events;

/// <summary>Appends events to the outbox in the caller's unit of work, so an event exists exactly when its change does.</summary>
public static class Outbox
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static OutboxEvent Append(FluxDbContext db, string merchantId, bool livemode, string type, object data, DateTimeOffset now)
    {
        var outboxEvent = new OutboxEvent
        {
            Id = PublicId.New("evt", 24),
            MerchantId = merchantId,
            Livemode = livemode,
            Type = type,
            Data = JsonSerializer.Serialize(data, Json),
            CreatedAt = now,
        };
        db.Add(outboxEvent);
        return outboxEvent;
    }
}
