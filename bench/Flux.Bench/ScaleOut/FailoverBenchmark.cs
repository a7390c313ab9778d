using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Flux.Bench.ScaleOut;

/// <summary>
/// P8: of two instances, the one holding the sandbox watcher's lease (named on <c>/healthz</c>) is killed
/// (<c>kill -9</c>) while sandbox payments flow through the other, <see cref="InFlight"/> at a time. Measured: the time
/// from the kill to the first confirmation the new holder made (the first <c>order.confirmed</c> on the survivor's event
/// stream of an order that was not yet confirmed in the database just after the kill), and, read back through the API
/// once every order is settled, the payments lost (orders not confirmed), confirmed twice (more than one
/// <c>order.confirmed</c> event) and the credits used (one per order).
/// </summary>
public static class FailoverBenchmark
{
    private const int InFlight = 8;

    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(120);

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchSize size, BenchDatabase database)
    {
        var orders = size.Pick(1_000, 40);
        var paidBeforeTheKill = orders * 3 / 10;
        await using var instances = await FluxInstances.StartAsync(2, database, credits: orders);
        var holder = await instances.LeaseHolderAsync([0, 1], TimeSpan.FromSeconds(30));
        var survivor = 1 - holder;
        using var api = instances.ApiClient(survivor);
        var orderIds = new string[orders];
        await Parallel.ForAsync(0, orders, new ParallelOptions { MaxDegreeOfParallelism = InFlight },
            async (n, _) => orderIds[n] = await FluxInstances.CreateOrderAsync(api, 1.5m + n % 50));
        await using var stream = await ConfirmationStream.OpenAsync(instances[survivor].BaseAddress, instances.Merchant.SecretKey);

        var paid = 0;
        var paying = Parallel.ForEachAsync(orderIds, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (orderId, _) =>
        {
            await FluxInstances.PayAsync(api, orderId);
            Interlocked.Increment(ref paid);
        });
        while (Volatile.Read(ref paid) < paidBeforeTheKill)
            await Task.Delay(5);
        var paidAtTheKill = Volatile.Read(ref paid);
        await instances[holder].KillAsync();
        var killedAt = Stopwatch.GetTimestamp();
        var takeover = instances.LeaseHolderAsync([survivor], SettleLimit);
        // What the dead holder committed is in the database now: every later confirmation is the new holder's. (One the new
        // holder makes before this read counts as the dead one's: the figure can only come out later than it was.)
        var confirmedAtTheKill = (await ApiLists.AllAsync(api, "/v1/orders?status=confirmed", "order_id"))
            .Select(o => o.GetProperty("order_id").GetString()!).ToHashSet();
        await takeover;
        var leaseTaken = Stopwatch.GetElapsedTime(killedAt);
        await paying;

        var afterTheKill = orderIds.Where(id => !confirmedAtTheKill.Contains(id)).Select(stream.ConfirmedAsync).ToList();
        var settled = await Task.WhenAll(afterTheKill).WaitAsync(SettleLimit).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
        var firstConfirmation = afterTheKill.Where(t => t.IsCompletedSuccessfully).Select(t => Stopwatch.GetElapsedTime(killedAt, t.Result).TotalSeconds)
            .DefaultIfEmpty(double.PositiveInfinity).Min();
        var (lost, twice, creditsUsed) = await ReadBackAsync(api, orderIds);

        var note = $"{orders:N0} orders paid through the survivor, {InFlight} at a time; holder killed after {paidAtTheKill:N0} payments "
            + $"({confirmedAtTheKill.Count:N0} confirmed by then); the survivor held the lease {leaseTaken.TotalSeconds:N1} s after the kill"
            + (settled ? "" : $"; not every order was confirmed on the stream within {SettleLimit.TotalSeconds:N0} s");
        return
        [
            Figure.AtMost("P8 kill -9 of the holder → first confirmation", firstConfirmation, "s", 15, note),
            Figure.AtMost("P8 payments lost", lost, "orders", 0, "paid orders not confirmed, read back through the API"),
            Figure.AtMost("P8 orders confirmed more than once", twice, "orders", 0, "more than one order.confirmed event"),
            Figure.AtMost("P8 credits used beyond one per order", Math.Abs(creditsUsed - orders), "credits", 0, $"{creditsUsed:N0} used for {orders:N0} orders"),
        ];
    }

    /// <summary>Orders not confirmed, orders with more than one <c>order.confirmed</c>, and the credits used, from the API.</summary>
    private static async Task<(int Lost, int Twice, long CreditsUsed)> ReadBackAsync(HttpClient api, IReadOnlyList<string> orderIds)
    {
        var confirmed = (await ApiLists.AllAsync(api, "/v1/orders?status=confirmed", "order_id"))
            .Select(o => o.GetProperty("order_id").GetString()!).ToHashSet();
        var events = (await ApiLists.AllAsync(api, "/v1/events?type=order.confirmed", "id"))
            .GroupBy(e => e.GetProperty("data").GetProperty("order_id").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        var balance = await api.GetFromJsonAsync<JsonElement>("/v1/credits/balance");
        return (orderIds.Count(id => !confirmed.Contains(id)), events.Values.Count(n => n > 1), balance.GetProperty("used").GetInt64());
    }
}
