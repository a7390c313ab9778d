using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Flux.Bench.ScaleOut;

/// <summary>
/// The merchant's <c>/v1/events/stream?types=order.confirmed</c> on one instance, read in the background: when each
/// order's first <c>order.confirmed</c> arrived (a <see cref="Stopwatch"/> timestamp) and how many arrived. It opens
/// after the merchant's latest event (<c>last_event_id</c>), so nothing between its opening and its first live frame is
/// missed.
/// </summary>
public sealed class ConfirmationStream : IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> confirmed = new();
    private readonly ConcurrentDictionary<string, int> counts = new();
    private Task reading = Task.CompletedTask;

    private ConfirmationStream(HttpClient http) => this.http = http;

    /// <summary>How many <c>order.confirmed</c> events arrived for each order.</summary>
    public IReadOnlyDictionary<string, int> Counts => counts;

    public static async Task<ConfirmationStream> OpenAsync(Uri instance, string secretKey)
    {
        // No timeout: the stream stays open for the whole benchmark.
        var http = new HttpClient { BaseAddress = instance, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secretKey);
        var stream = new ConfirmationStream(http);
        var latest = (await http.GetFromJsonAsync<JsonElement>("/v1/events?limit=1")).GetProperty("data").EnumerateArray()
            .Select(e => e.GetProperty("id").GetString()).FirstOrDefault();
        var response = await http.GetAsync($"/v1/events/stream?types=order.confirmed{(latest is null ? "" : $"&last_event_id={latest}")}",
            HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        stream.reading = stream.ReadAsync(response);
        return stream;
    }

    /// <summary>When the order's first <c>order.confirmed</c> arrived (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public Task<long> ConfirmedAsync(string orderId) => Arrival(orderId).Task;

    private async Task ReadAsync(HttpResponseMessage response)
    {
        using var _ = response;
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
        while (await ServerSentEvents.NextDataAsync(reader, stop.Token) is { } envelope)
        {
            var at = Stopwatch.GetTimestamp();
            var orderId = envelope.GetProperty("data").GetProperty("order_id").GetString()!;
            counts.AddOrUpdate(orderId, 1, (_, n) => n + 1);
            Arrival(orderId).TrySetResult(at);
        }
    }

    private TaskCompletionSource<long> Arrival(string orderId) =>
        confirmed.GetOrAdd(orderId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try { await reading; }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException) { /* closed by us */ }
        http.Dispose();
        stop.Dispose();
    }
}
