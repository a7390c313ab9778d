using System.Text.Json;
using System.Text.Json.Nodes;
using Flux.Dashboard.Api;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// An event as the outside world sees it — webhook bodies, <c>GET /v1/events</c> and the SDK stream all send this
/// one shape (docs/api.md): <c>{"id","object":"event","type","created_at","livemode","data"}</c>.
/// </summary>
public static class EventEnvelope
{
    public static JsonObject ToJson(OutboxEvent outboxEvent) => new()
    {
        ["id"] = outboxEvent.Id,
        ["object"] = "event",
        ["type"] = outboxEvent.Type,
        ["created_at"] = JsonSerializer.SerializeToNode(outboxEvent.CreatedAt, ApiJson.Options),
        ["livemode"] = outboxEvent.Livemode,
        ["data"] = JsonNode.Parse(outboxEvent.Data),
    };

    /// <summary>The envelope as compact JSON text (the exact bytes a webhook signs).</summary>
    public static string Serialize(OutboxEvent outboxEvent) => ToJson(outboxEvent).ToJsonString();
}
