using System.Diagnostics;
using Flux.Dashboard.Chain.Horizon;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Bench;

/// <summary>
/// P1b: payments that match open orders, handed one after another (as the watcher hands them) to the hosted app's
/// ConfirmationService — PaymentMatcher, credit ledger and outbox in one IMMEDIATE transaction on the real SQLite file
/// (WAL) — while the app's outbox dispatcher publishes the events. A Stopwatch harness: each payment changes the database,
/// so a run cannot be repeated on the same data as BenchmarkDotNet's iterations would.
/// </summary>
public static class ConfirmationBenchmark
{
    private const int WarmUp = 300;
    private const int Measured = 3_000;

    public static async Task<IReadOnlyList<Figure>> RunAsync()
    {
        await using var app = new InProcessFlux(new Dictionary<string, string?> { ["Flux:Chain:StreamPayments"] = "false" });
        var merchant = await app.NewMerchantAsync(credits: WarmUp + Measured);
        var orders = app.Services.GetRequiredService<OrderService>();
        var sink = app.Services.GetRequiredService<ConfirmationService>();

        var payments = new List<ObservedPayment>();
        for (var i = 0; i < WarmUp + Measured; i++)
        {
            var created = await orders.CreateAsync(merchant.Scope, new CreateOrderRequest(10.5m + i % 100, $"bench order {i}"));
            payments.Add(PaymentFor(created.Order ?? throw new InvalidOperationException("order not created"), i));
        }

        foreach (var payment in payments.Take(WarmUp))
            await sink.HandleAsync(payment, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        foreach (var payment in payments.Skip(WarmUp))
            await sink.HandleAsync(payment, CancellationToken.None);
        watch.Stop();

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        var confirmed = await db.Set<Order>().CountAsync(o => o.MerchantId == merchant.Scope.MerchantId && o.Status == OrderStatus.Confirmed);
        if (confirmed != WarmUp + Measured)
            throw new InvalidOperationException($"{confirmed} of {WarmUp + Measured} orders confirmed.");
        return [Figure.AtLeast("P1b confirmations (sequential)", Measured / watch.Elapsed.TotalSeconds, "orders/s", 2_000,
            $"{Measured:N0} after {WarmUp} warm-up, all confirmed")];
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
