using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Flux.Bench;

/// <summary>
/// P2: a sandbox payment simulated over the API (<c>POST /v1/sandbox/payments</c> on Kestrel) until a subscriber of the
/// order's public status stream (<c>GET /v1/public/orders/{id}/stream</c>, SSE) sees it confirmed: the sandbox ledger,
/// its Horizon stream, the watcher, ConfirmationService, the outbox and the event bus, end to end. One order at a time.
/// </summary>
public static class LatencyBenchmark
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchSize size)
    {
        var warmUp = size.Pick(20, 5);
        var measured = size.Pick(1_000, 20);
        await using var app = new InProcessFlux();
        var merchant = await app.NewMerchantAsync(credits: warmUp + measured);
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", merchant.SecretKey);
        // The customer's side: the public status stream takes no key.
        using var customer = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var latencies = new List<double>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < warmUp + measured; i++)
        {
            var ms = await PayAndWatchAsync(http, customer, 10m + i % 50);
            if (i >= warmUp)
                latencies.Add(ms);
        }
        var note = $"{measured:N0} payments one by one in {total.Elapsed.TotalSeconds:N0} s, after {warmUp} warm-up";
        return
        [
            Figure.AtMost("P2 payment → SSE confirmed, p50", Percentiles.Of(latencies, 50), "ms", 250, note),
            Figure.AtMost("P2 payment → SSE confirmed, p99", Percentiles.Of(latencies, 99), "ms", 1_000),
            Figure.AtMost("P2 payment → SSE confirmed, max", latencies.Max(), "ms", 1_000),
        ];
    }

    /// <returns>Milliseconds from sending the payment to reading the confirmed status on the order's stream.</returns>
    private static async Task<double> PayAndWatchAsync(HttpClient http, HttpClient customer, decimal amount)
    {
        using var created = await http.PostAsJsonAsync("/v1/orders", new { amount });
        created.EnsureSuccessStatusCode();
        var orderId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("order_id").GetString()!;

        using var stream = await customer.GetAsync($"/v1/public/orders/{orderId}/stream", HttpCompletionOption.ResponseHeadersRead);
        stream.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        if (await NextStatusAsync(reader) != "pending_confirmation")
            throw new InvalidOperationException($"Order {orderId} did not start pending.");

        var watch = Stopwatch.StartNew();
        using var paid = await http.PostAsJsonAsync("/v1/sandbox/payments", new { order_id = orderId });
        paid.EnsureSuccessStatusCode();
        while (await NextStatusAsync(reader) is { } status)
        {
            if (status == "confirmed")
                return watch.Elapsed.TotalMilliseconds;
        }
        throw new InvalidOperationException($"The stream of {orderId} ended before it was confirmed.");
    }

    /// <summary>The status of the next <c>order</c> event, or null at the end of the stream.</summary>
    private static async Task<string?> NextStatusAsync(StreamReader reader) =>
        (await ServerSentEvents.NextDataAsync(reader))?.GetProperty("status").GetString();
}
