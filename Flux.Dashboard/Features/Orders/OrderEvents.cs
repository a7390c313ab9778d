using System.Text.Json;
using Flux.Dashboard.Features.Events;

namespace Flux.Dashboard.Features.Orders;

/// <summary>Reading order events as the dashboard pages need them.</summary>
public static class OrderEvents
{
    /// <summary>The <c>order_id</c> an event's data names, if any.</summary>
    public static string? OrderIdOf(OutboxEvent outboxEvent)
    {
        try
        {
            using var data = JsonDocument.Parse(outboxEvent.Data);
            return data.RootElement.ValueKind == JsonValueKind.Object
                && data.RootElement.TryGetProperty("order_id", out var id) && id.ValueKind == JsonValueKind.String
                    ? id.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
