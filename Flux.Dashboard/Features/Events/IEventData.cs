namespace Flux.Dashboard.Features.Events;

/// <summary>
/// The <c>data</c> of one event type: one record per type, which names its type once. Producers append it with
/// <see cref="Outbox.Append{T}"/>; the <see cref="EventCatalog"/> finds every such record for the webhook picker, the
/// OpenAPI document and the SDK's declarations, and turns stored data back into it for listeners.
/// </summary>
public interface IEventData
{
    /// <summary>The event type, as webhooks and the SDK stream name it: <c>order.confirmed</c>.</summary>
    static abstract string Type { get; }

    /// <summary>A realistic instance, for the docs and the API reference.</summary>
    static abstract IEventData Example { get; }
}

/// <summary>Event data about one order: listeners (a page showing the order, its public stream) find it without parsing.</summary>
public interface IOrderEventData : IEventData
{
    string OrderId { get; }
}
