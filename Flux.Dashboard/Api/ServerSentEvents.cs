using Microsoft.AspNetCore.Http.Features;

namespace Flux.Dashboard.Api;

/// <summary>
/// Writes a Server-Sent Events response (the API's live streams): unbuffered, one flushed frame at a time, so each
/// event and heartbeat reaches the client at once.
/// </summary>
public static class ServerSentEvents
{
    public const string ContentType = "text/event-stream";

    /// <summary>Starts the stream; with <paramref name="retry"/>, tells the client how long to wait before reconnecting.</summary>
    public static async Task BeginAsync(HttpContext http, CancellationToken ct, TimeSpan? retry = null)
    {
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = ContentType;
        http.Response.Headers.CacheControl = "no-cache";
        if (retry is { } wait)
            await FlushAsync(http, $"retry: {(long)wait.TotalMilliseconds}\n\n", ct);
        else
            await http.Response.Body.FlushAsync(ct);
    }

    /// <summary>One event frame; <paramref name="data"/> is a single line of JSON.</summary>
    public static Task WriteAsync(HttpContext http, string eventName, string data, CancellationToken ct, string? id = null) =>
        FlushAsync(http, (id is null ? "" : $"id: {id}\n") + $"event: {eventName}\ndata: {data}\n\n", ct);

    /// <summary>A comment line that keeps an idle stream open through proxies and browsers.</summary>
    public static Task HeartbeatAsync(HttpContext http, CancellationToken ct) => FlushAsync(http, ": heartbeat\n\n", ct);

    private static async Task FlushAsync(HttpContext http, string frame, CancellationToken ct)
    {
        await http.Response.WriteAsync(frame, ct);
        await http.Response.Body.FlushAsync(ct);
    }
}
