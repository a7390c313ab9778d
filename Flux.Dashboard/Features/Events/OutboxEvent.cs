namespace Flux.Dashboard.Features.Events;

/// <summary>
/// An event appended in the same database transaction as the change it reports (order.confirmed, credit.used, …);
/// the dispatcher delivers it to the dashboard, webhooks and the SDK stream.
/// </summary>
public sealed class OutboxEvent
{
    public long Sequence { get; init; }
    public required string Id { get; init; }
    public required string MerchantId { get; init; }
    public bool Livemode { get; init; }
    public required string Type { get; init; }

    /// <summary>The event's <c>data</c> object, as snake_case JSON.</summary>
    public required string Data { get; init; }

    /// <summary>
    /// The record <see cref="Data"/> was written from, while the event is still the object its producer made (not stored:
    /// an event read back from the database, or sent by another instance, is read with <see cref="EventCatalog.Read"/>).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEventData? Record { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DispatchedAt { get; set; }
}
