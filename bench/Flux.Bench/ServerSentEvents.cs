using System.Text.Json;

namespace Flux.Bench;

/// <summary>Reads Flux's Server-Sent Events streams (the public order status stream, <c>/v1/events/stream</c>).</summary>
public static class ServerSentEvents
{
    /// <summary>The JSON of the next frame's <c>data:</c> line (comments, ids and event names skipped), or null at the end of the stream.</summary>
    public static async Task<JsonElement?> NextDataAsync(StreamReader reader, CancellationToken cancellationToken = default)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
                return JsonSerializer.Deserialize<JsonElement>(line.AsSpan("data: ".Length));
        }
        return null;
    }
}
