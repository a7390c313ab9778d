using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Orders;

[Collection(FluxAppCollection.Name)]
public sealed class ConfirmationConcurrencyTests(FluxAppFactory app)
{
    [Fact]
    public async Task Two_hundred_orders_paid_twice_at_once_with_150_credits_confirm_150_and_the_rest_when_credits_arrive()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: true);
        var orders = app.Services.GetRequiredService<OrderService>();
        var credits = app.Services.GetRequiredService<CreditService>();
        var sink = app.Services.GetRequiredService<IPaymentSink>();
        await credits.AddAsync(scope, 150, CreditReason.Grant, "test grant");
        var created = new List<Order>();
        for (var i = 0; i < 200; i++)
            created.Add((await orders.CreateAsync(scope, new CreateOrderRequest(1m + i, $"order {i}"))).Value!);
        var payments = created.Select(o => OrderFixtures.PaymentFor(o, o.Amount)).ToList();

        // Each payment reaches the sink twice at the same moment, as the stream and catch-up may deliver it.
        await Task.WhenAll(payments.SelectMany(p => new[] { Task.Run(() => sink.HandleAsync(p, CancellationToken.None)), Task.Run(() => sink.HandleAsync(p, CancellationToken.None)) }));

        var statuses = await StatusesAsync(created);
        Assert.Equal(150, statuses.Count(s => s == OrderStatus.Confirmed));
        Assert.Equal(50, statuses.Count(s => s == OrderStatus.AwaitingCredit));
        Assert.Equal(0, await credits.BalanceAsync(scope));
        Assert.Equal(150, await SpentAsync(scope.MerchantId));
        Assert.Equal(200, await RecordedPaymentsAsync(created));

        await credits.AddAsync(scope, 50, CreditReason.Grant, "test grant");

        Assert.All(await StatusesAsync(created), s => Assert.Equal(OrderStatus.Confirmed, s));
        Assert.Equal(0, await credits.BalanceAsync(scope));
        Assert.Equal(200, await SpentAsync(scope.MerchantId));
    }

    private async Task<List<OrderStatus>> StatusesAsync(List<Order> orders)
    {
        var ids = orders.Select(o => o.Id).ToList();
        await using var db = await Db();
        return await db.Set<Order>().Where(o => ids.Contains(o.Id)).Select(o => o.Status).ToListAsync();
    }

    private async Task<int> SpentAsync(string merchantId)
    {
        await using var db = await Db();
        return await db.Set<CreditEntry>().CountAsync(e => e.MerchantId == merchantId && e.Reason == CreditReason.Order);
    }

    private async Task<int> RecordedPaymentsAsync(List<Order> orders)
    {
        var ids = orders.Select(o => o.Id).ToList();
        await using var db = await Db();
        return await db.Set<ChainPayment>().CountAsync(p => p.OrderId != null && ids.Contains(p.OrderId));
    }

    private Task<FluxDbContext> Db() => app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
}
