using System.Net.Http.Headers;
using System.Text.Json;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Events;

/// <summary>One Server-Sent Events frame: an event (id, type, data) or a comment such as <c>: heartbeat</c>.</summary>
internal sealed record SseFrame(string? Id, string? Event, string? Data, string? Comment, string? Retry)
{
    public JsonElement Json => JsonDocument.Parse(Data!).RootElement.Clone();
}

/// <summary>A real HTTP client reading <c>GET /v1/events/stream</c> (or another of Flux's streams) over the socket, frame by frame, as an SDK does.</summary>
internal sealed class EventStreamClient : IAsyncDisposable
{
    private static readonly TimeSpan FrameWait = TimeSpan.FromSeconds(20);

    private readonly HttpClient client;
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private EventStreamClient(HttpClient client, HttpResponseMessage response, StreamReader reader)
    {
        this.client = client;
        this.response = response;
        this.reader = reader;
    }

    public HttpResponseMessage Response => response;

    /// <summary>Opens the stream; the response is returned as it is when it is not a stream (an error).</summary>
    public static Task<EventStreamClient> OpenAsync(FluxAppFactory app, string key, string query = "", string? lastEventId = null) =>
        OpenAsync(app.BaseAddress, "/v1/events/stream" + query, key, lastEventId);

    /// <summary>Opens any of Flux's streams at <paramref name="path"/> (with <paramref name="key"/>, or none for a public one).</summary>
    public static async Task<EventStreamClient> OpenAsync(Uri baseAddress, string path, string? key, string? lastEventId = null)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
            request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
            await response.Content.LoadIntoBufferAsync();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        return new EventStreamClient(client, response, reader);
    }

    /// <summary>The next frame of any kind; null when the server ended the stream.</summary>
    public async Task<SseFrame?> NextFrameAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? FrameWait);
        string? id = null, type = null, data = null, comment = null, retry = null;
        var any = false;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (any)
                    return new SseFrame(id, type, data, comment, retry);
                continue;
            }
            any = true;
            if (line.StartsWith(':'))
                comment = line[1..].Trim();
            else if (line.StartsWith("id: "))
                id = line[4..];
            else if (line.StartsWith("event: "))
                type = line[7..];
            else if (line.StartsWith("data: "))
                data = data is null ? line[6..] : data + "\n" + line[6..];
            else if (line.StartsWith("retry: "))
                retry = line[7..];
        }
        return null;
    }

    /// <summary>The next event frame, skipping heartbeats and the retry hint.</summary>
    public async Task<SseFrame> NextEventAsync(TimeSpan? wait = null)
    {
        while (true)
        {
            var frame = await NextFrameAsync(wait) ?? throw new InvalidOperationException("The stream ended.");
            if (frame.Event is not null)
                return frame;
        }
    }

    public async Task<List<SseFrame>> NextEventsAsync(int count)
    {
        var frames = new List<SseFrame>();
        while (frames.Count < count)
            frames.Add(await NextEventAsync());
        return frames;
    }

    public async ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        client.Dispose();
        await Task.CompletedTask;
    }
}
