using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Flux.Bench;

/// <summary>
/// One API client of the soak (P10), as fast as its test key's rate limit allows: each cycle creates an order and pays it
/// in the sandbox (two requests; cycles paced at <see cref="ShareOfLimit"/> of the key's limit, the rest left for the event
/// stream and for the server's fixed windows, which can catch requests its processing bunched up). A 429 is waited out as
/// its Retry-After says and the request sent again, as a well-behaved client does: it counts as throttled, not as an
/// error. Every <see cref="FollowEvery"/>th order is followed on its public status stream until confirmed, and the
/// merchant's event stream is held open and reopened every <see cref="EventStreamSpan"/>. Any other answer is an error.
/// </summary>
public sealed class SoakClient(Uri baseAddress, string secretKey, int keyRequestsPerSecond)
{
    public const int FollowEvery = 10;
    private const double ShareOfLimit = 0.9;
    private static readonly TimeSpan EventStreamSpan = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ConfirmedWithin = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, int> errors = new();
    private readonly List<double> latencies = [];
    private int followedToConfirmed;
    private int eventsSeen;
    private int eventStreamsOpened;
    private int throttled;

    /// <summary>Milliseconds from sending the order to the payment's answer, one per completed cycle.</summary>
    public IReadOnlyList<double> Latencies => latencies;

    public IReadOnlyDictionary<string, int> Errors => errors;

    public int Orders => latencies.Count;

    public int FollowedToConfirmed => followedToConfirmed;

    public int EventsSeen => eventsSeen;

    public int EventStreamsOpened => eventStreamsOpened;

    /// <summary>Requests answered 429 and sent again after their Retry-After.</summary>
    public int Throttled => throttled;

    public async Task RunAsync(CancellationToken stop)
    {
        using var api = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secretKey);
        using var customer = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var events = HoldEventStreamAsync(api, stop);
        var follows = new List<Task>();

        var cycle = TimeSpan.FromSeconds(2.0 / (ShareOfLimit * keyRequestsPerSecond));
        var next = Stopwatch.GetTimestamp();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
                await Delay(wait, stop);
            next = Math.Max(next + (long)(cycle.TotalSeconds * Stopwatch.Frequency), Stopwatch.GetTimestamp());
            if (stop.IsCancellationRequested)
                break;
            try
            {
                await CycleAsync(api, customer, i, follows);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                Count(ex.GetType().Name);
            }
        }
        await Task.WhenAll(follows);
        await events;
    }

    private async Task CycleAsync(HttpClient api, HttpClient customer, int i, List<Task> follows)
    {
        var started = Stopwatch.GetTimestamp();
        using var created = await WithinLimitAsync(() => api.PostAsJsonAsync("/v1/orders", new { amount = 10m + i % 50, description = "soak" }));
        if (!Expect(created, "POST /v1/orders"))
            return;
        var orderId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("order_id").GetString()!;
        var sinceCreated = Stopwatch.GetElapsedTime(started);
        // The order's stream is opened between the two requests, and is not part of their time.
        var follow = i % FollowEvery == 0 ? await OpenStatusStreamAsync(customer, orderId) : null;

        var paying = Stopwatch.GetTimestamp();
        using var paid = await WithinLimitAsync(() => api.PostAsJsonAsync("/v1/sandbox/payments", new { order_id = orderId }));
        var sincePaying = Stopwatch.GetElapsedTime(paying);
        if (!Expect(paid, "POST /v1/sandbox/payments"))
        {
            follow?.Dispose();
            return;
        }
        latencies.Add((sinceCreated + sincePaying).TotalMilliseconds);
        if (follow is not null)
            follows.Add(FollowToConfirmedAsync(follow, orderId));
    }

    private async Task<HttpResponseMessage?> OpenStatusStreamAsync(HttpClient customer, string orderId)
    {
        var stream = await customer.GetAsync($"/v1/public/orders/{orderId}/stream", HttpCompletionOption.ResponseHeadersRead);
        if (Expect(stream, "GET /v1/public/orders/{id}/stream"))
            return stream;
        stream.Dispose();
        return null;
    }

    private async Task FollowToConfirmedAsync(HttpResponseMessage stream, string orderId)
    {
        using var _ = stream;
        using var deadline = new CancellationTokenSource(ConfirmedWithin);
        try
        {
            using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(deadline.Token));
            while (await reader.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal)
                    && JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("status").GetString() == "confirmed")
                {
                    Interlocked.Increment(ref followedToConfirmed);
                    return;
                }
            }
            Count($"order stream of {orderId} ended before confirmed");
        }
        catch (OperationCanceledException)
        {
            Count($"order not confirmed on its stream within {ConfirmedWithin.TotalSeconds:N0} s");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException)
        {
            Count($"order stream: {ex.GetType().Name}");
        }
    }

    /// <summary>The merchant's event stream, closed and opened again every <see cref="EventStreamSpan"/>.</summary>
    private async Task HoldEventStreamAsync(HttpClient api, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var span = CancellationTokenSource.CreateLinkedTokenSource(stop);
            span.CancelAfter(EventStreamSpan);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/events/stream");
                using var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, span.Token);
                if (!Expect(response, "GET /v1/events/stream"))
                {
                    await Delay(EventStreamSpan, stop);
                    continue;
                }
                Interlocked.Increment(ref eventStreamsOpened);
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(span.Token));
                while (await reader.ReadLineAsync(span.Token) is { } line)
                {
                    if (line.StartsWith("event: ", StringComparison.Ordinal))
                        Interlocked.Increment(ref eventsSeen);
                }
                Count("event stream ended by the server");
            }
            catch (OperationCanceledException) when (span.IsCancellationRequested)
            {
                // Its span is over: close it and open the next.
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                Count($"event stream: {ex.GetType().Name}");
            }
        }
    }

    private async Task<HttpResponseMessage> WithinLimitAsync(Func<Task<HttpResponseMessage>> send)
    {
        while (true)
        {
            var response = await send();
            if (response.StatusCode != System.Net.HttpStatusCode.TooManyRequests)
                return response;
            Interlocked.Increment(ref throttled);
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait);
        }
    }

    private bool Expect(HttpResponseMessage response, string request)
    {
        if (response.IsSuccessStatusCode)
            return true;
        Count($"{request} {(int)response.StatusCode}");
        return false;
    }

    private void Count(string error) => errors.AddOrUpdate(error, 1, (_, n) => n + 1);

    private static async Task Delay(TimeSpan wait, CancellationToken stop)
    {
        try { await Task.Delay(wait, stop); }
        catch (OperationCanceledException) { /* the soak is over */ }
    }
}
