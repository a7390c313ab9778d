using System.Diagnostics;
using Flux.Dashboard.Chain.Horizon;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Bench;

/// <summary>
/// P1b: a backlog of payments that match open orders, handed in chain order to the hosted app's ConfirmationService in
/// batches of <see cref="PaymentWatcher.MaxBatch"/> — as the watcher hands a stream that has many records ready —
/// through PaymentMatcher, credit ledger and outbox in one transaction per batch — on the real SQLite file (WAL,
/// synchronous=FULL; an IMMEDIATE transaction), or on a database of its own on PostgreSQL (fsync on) — while the app's
/// outbox dispatcher publishes the events. A Stopwatch harness: each payment changes the database, so a run cannot be
/// repeated on the same data as BenchmarkDotNet's iterations would.
/// </summary>
public static class ConfirmationBenchmark
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchSize size, BenchDatabase database)
    {
        // Enough for tiered compilation to finish with the confirmation path: after 3,000 it still took a third of the CPU of the measured run.
        var warmUp = size.Pick(20_000, 500);
        var measured = size.Pick(10_000, 500);
        var settings = await database.SettingsForNewInstanceAsync();
        settings["Flux:Chain:StreamPayments"] = "false";
        await using var app = new InProcessFlux(settings);
        var merchant = await app.NewMerchantAsync(credits: warmUp + measured);
        var payments = await OpenOrdersAsync(app.Services.GetRequiredService<OrderService>(), merchant, warmUp + measured);
        var sink = app.Services.GetRequiredService<ConfirmationService>();
        await OutboxDrainedAsync(app);

        await HandInBatchesAsync(sink, payments.Take(warmUp));
        // The app's CPU and, on PostgreSQL, the server's: on SQLite the database's work is in the app's process.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime + TimeSpan.FromSeconds(MachineLoad.AdoptedCpuSeconds());
        var watch = Stopwatch.StartNew();
        await HandInBatchesAsync(sink, payments.Skip(warmUp));
        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime + TimeSpan.FromSeconds(MachineLoad.AdoptedCpuSeconds()) - cpuBefore;

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        var confirmed = await db.Set<Order>().CountAsync(o => o.MerchantId == merchant.Scope.MerchantId && o.Status == OrderStatus.Confirmed);
        var spent = await db.Set<CreditEntry>().CountAsync(e => e.MerchantId == merchant.Scope.MerchantId && e.OrderId != null);
        if (confirmed != warmUp + measured || spent != confirmed)
            throw new InvalidOperationException($"{confirmed} of {warmUp + measured} orders confirmed, {spent} credits spent.");
        return [Figure.AtLeast("P1b confirmations (watcher batches)", measured / watch.Elapsed.TotalSeconds, "orders/s", 2_000,
            $"{measured:N0} after {warmUp:N0} warm-up, batches of {PaymentWatcher.MaxBatch}, all confirmed once; {cpu.TotalMicroseconds / measured:N0} µs CPU each{(database.IsPostgres ? ", app and server" : "")}")];
    }

    /// <summary>Waits until the app has dispatched the setup's events, so the figure counts confirmations only.</summary>
    private static async Task OutboxDrainedAsync(InProcessFlux app)
    {
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>();
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            if (!await db.Set<OutboxEvent>().AnyAsync(e => e.DispatchedAt == null))
                return;
            await Task.Delay(50);
        }
    }

    private static async Task HandInBatchesAsync(ConfirmationService sink, IEnumerable<ObservedPayment> payments)
    {
        foreach (var batch in payments.Chunk(PaymentWatcher.MaxBatch))
            await sink.HandleAsync(batch, CancellationToken.None);
    }

    /// <summary>Creates the orders through the app's OrderService (concurrently, as API requests would) and pays each.</summary>
    private static async Task<List<ObservedPayment>> OpenOrdersAsync(OrderService orders, BenchMerchant merchant, int count)
    {
        var payments = new List<ObservedPayment>(count);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(64))
        {
            var created = await Task.WhenAll(chunk.Select(i => orders.CreateAsync(merchant.Scope, new CreateOrderRequest(10.5m + i % 100, $"bench order {i}"))));
            payments.AddRange(created.Select((c, j) => PaymentFor(c.Value ?? throw new InvalidOperationException("order not created"), chunk[j])));
        }
        return payments;
    }

    private static ObservedPayment PaymentFor(Order order, int i)
    {
        var id = (900_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ObservedPayment(order.Network, order.PayTo, new PaymentRecord
        {
            Id = id,
            PagingToken = id,
            Type = PaymentTypes.Payment,
            TransactionHash = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            TransactionSuccessful = true,
            CreatedAt = DateTimeOffset.UtcNow,
            From = "GD5YHQWSTDLU4I2TVSTTLVKXI3RDEOYMPC66EYS32JBPBTKWT4X2EWBW",
            To = order.PayTo,
            AssetType = NativePaymentRules.NativeAssetType,
            Amount = order.Amount,
            IsTransactionJoined = true,
            Ledger = 1_000 + i,
            MemoType = "text",
            Memo = order.Id,
        });
    }
}
