using System.Diagnostics;

namespace Flux.Bench.ScaleOut;

/// <summary>
/// P7: two instances A and B on one PostgreSQL and one Redis; a sandbox payment simulated through B
/// (<c>POST /v1/sandbox/payments</c>) until A's <c>/v1/events/stream</c> shows the order's <c>order.confirmed</c>: the
/// sandbox ledger, its close published through Redis, the lease holder's watcher and confirmation, the outbox, and the
/// event's wake-up through Redis to the other instance's stream. One payment at a time, as P2.
/// </summary>
public static class CrossInstanceLatencyBenchmark
{
    private static readonly TimeSpan ConfirmLimit = TimeSpan.FromSeconds(30);

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchSize size, BenchDatabase database)
    {
        var warmUp = size.Pick(20, 3);
        var measured = size.Pick(1_000, 10);
        await using var instances = await FluxInstances.StartAsync(2, database, credits: warmUp + measured);
        var holder = await instances.LeaseHolderAsync([0, 1], TimeSpan.FromSeconds(30));
        using var b = instances.ApiClient(1);
        await using var streamOfA = await ConfirmationStream.OpenAsync(instances[0].BaseAddress, instances.Merchant.SecretKey);

        var latencies = new List<double>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < warmUp + measured; i++)
        {
            var orderId = await FluxInstances.CreateOrderAsync(b, 10m + i % 50);
            var sent = Stopwatch.GetTimestamp();
            await FluxInstances.PayAsync(b, orderId);
            var seen = await streamOfA.ConfirmedAsync(orderId).WaitAsync(ConfirmLimit);
            if (i >= warmUp)
                latencies.Add(Stopwatch.GetElapsedTime(sent, seen).TotalMilliseconds);
        }
        var note = $"{measured:N0} payments one by one through B in {total.Elapsed.TotalSeconds:N0} s, after {warmUp} warm-up; "
            + $"the sandbox watcher's lease on {(holder == 0 ? "A, the stream's instance" : "B, the payments' instance")}";
        return
        [
            Figure.AtMost("P7 payment on B → SSE confirmed on A, p50", Percentiles.Of(latencies, 50), "ms", 50, note),
            Figure.AtMost("P7 payment on B → SSE confirmed on A, p99", Percentiles.Of(latencies, 99), "ms", 250),
            Figure.Info("P7 payment on B → SSE confirmed on A, max", latencies.Max(), "ms"),
        ];
    }
}
