using System.Text.Json;
using Flux.Dashboard.Api;
using Flux.Dashboard.Data;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// Appends events to the outbox in the caller's unit of work, so an event exists exactly when its change does. Saving
/// wakes the dispatcher by itself (<see cref="OutboxWake"/>).
/// </summary>
public static class Outbox
{
    /// <summary>How event records are written: snake_case, amounts spelt as the API spells them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new ExactDecimalConverter() },
    };

    public static OutboxEvent Append<T>(FluxDbContext db, string merchantId, bool livemode, T data, DateTimeOffset now) where T : IEventData
    {
        var outboxEvent = Event(merchantId, livemode, data, now);
        db.Add(outboxEvent);
        return outboxEvent;
    }

    /// <summary>A new event, for a caller that writes it in its own transaction (the order group commit).</summary>
    public static OutboxEvent Event<T>(string merchantId, bool livemode, T data, DateTimeOffset now) where T : IEventData => new()
    {
        Id = PublicId.Sequential("evt", 24),
        MerchantId = merchantId,
        Livemode = livemode,
        Type = T.Type,
        Data = JsonSerializer.Serialize(data, Json),
        Record = data,
        CreatedAt = now,
    };
}
