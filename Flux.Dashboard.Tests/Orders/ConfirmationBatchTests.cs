using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Credits;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Orders;

/// <summary>
/// A backlog reaches the sink as one batch in one transaction: each payment must see what the payments before it in
/// the same batch did, exactly as if they had come one by one.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class ConfirmationBatchTests(FluxAppFactory app)
{
    private IPaymentSink Sink => app.Services.GetRequiredService<IPaymentSink>();
    private OrderService Orders => app.Services.GetRequiredService<OrderService>();
    private CreditService Credits => app.Services.GetRequiredService<CreditService>();

    [Fact]
    public async Task Two_partial_payments_in_one_batch_confirm_the_order_once_and_a_repeated_payment_counts_once()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(10m, null))).Value!;
        var first = OrderFixtures.PaymentFor(order, 4m);
        var second = OrderFixtures.PaymentFor(order, 6m);

        await Sink.HandleAsync([first, first, second, second], CancellationToken.None);

        var confirmed = await app.ReloadAsync(order);
        Assert.Equal(OrderStatus.Confirmed, confirmed.Status);
        Assert.Equal(10m, confirmed.AmountReceived);
        Assert.False(confirmed.Overpaid);
        Assert.Equal(99, await Credits.BalanceAsync(scope));
        Assert.Single(await app.EventsAsync(scope, OrderUnderpaid.Type));
        Assert.Single(await app.EventsAsync(scope, OrderConfirmed.Type));
        Assert.Single(await app.LedgerAsync(scope, CreditReason.Order));
    }

    [Fact]
    public async Task A_batch_handed_over_again_after_it_committed_changes_nothing()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var orders = new List<Order>();
        for (var i = 0; i < 5; i++)
            orders.Add((await Orders.CreateAsync(scope, new CreateOrderRequest(1m + i, null))).Value!);
        var batch = orders.Select(o => OrderFixtures.PaymentFor(o, o.Amount)).ToList();

        await Sink.HandleAsync(batch, CancellationToken.None);
        await Sink.HandleAsync(batch, CancellationToken.None);

        foreach (var order in orders)
            Assert.Equal(OrderStatus.Confirmed, (await app.ReloadAsync(order)).Status);
        Assert.Equal(95, await Credits.BalanceAsync(scope));
        Assert.Equal(5, (await app.EventsAsync(scope, CreditUsed.Type)).Count);
    }

    [Fact]
    public async Task An_order_left_waiting_for_credit_earlier_in_the_batch_is_confirmed_by_a_purchase_later_in_it()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        await app.DrainCreditsAsync(scope);
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(7m, null))).Value!;
        var purchase = (await app.Services.GetRequiredService<PurchaseService>().CreateAsync(scope, 100)).Value!;

        await Sink.HandleAsync(
            [OrderFixtures.PaymentFor(order, 7m), OrderFixtures.Payment(purchase.Network, purchase.PayTo, purchase.Price, purchase.Memo)],
            CancellationToken.None);

        Assert.Equal(OrderStatus.Confirmed, (await app.ReloadAsync(order)).Status);
        Assert.Equal(PurchaseStatus.Paid, (await app.ReloadAsync(purchase)).Status);
        Assert.Single(await app.EventsAsync(scope, OrderAwaitingCredit.Type));
        Assert.Equal(99, await Credits.BalanceAsync(scope));
    }
}
