namespace Flux.Dashboard.Features.Events;

/// <summary>
/// A dispatched event as live listeners receive it: the stored event and its data, read once for all of them.
/// </summary>
public sealed record EventNotification(OutboxEvent Event, IEventData? Data)
{
    public static EventNotification Of(OutboxEvent outboxEvent) => new(outboxEvent, outboxEvent.Record ?? EventCatalog.Read(outboxEvent));

    public string Type => Event.Type;

    /// <summary>The order the event is about, if it is about one.</summary>
    public string? OrderId => (Data as IOrderEventData)?.OrderId;
}
