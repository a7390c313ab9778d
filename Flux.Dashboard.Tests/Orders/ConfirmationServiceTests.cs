using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Flux.Dashboard.Features.Payments;

namespace Flux.Dashboard.Tests.Orders;

[Collection(FluxAppCollection.Name)]
public sealed class ConfirmationServiceTests(FluxAppFactory app)
{
    private IPaymentSink Sink => app.Services.GetRequiredService<IPaymentSink>();
    private OrderService Orders => app.Services.GetRequiredService<OrderService>();

    [Fact]
    public async Task Test_mode_starts_with_100_sandbox_credits_and_a_confirmation_spends_one_with_its_events()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(10m, "Premium subscription"))).Value!;

        await Sink.HandleAsync(OrderFixtures.PaymentFor(order, 10m), CancellationToken.None);

        var confirmed = await app.ReloadAsync(order);
        Assert.Equal(OrderStatus.Confirmed, confirmed.Status);
        Assert.NotNull(confirmed.TransactionHash);
        Assert.Equal(99, await app.Services.GetRequiredService<CreditService>().BalanceAsync(scope));
        var events = await EventsAsync(scope.MerchantId);
        Assert.Equal([OrderCreated.Type, OrderConfirmed.Type, CreditUsed.Type], events.Select(e => e.Type));
        Assert.Contains("\"credits_remaining\":99", events[^1].Data);
        Assert.Contains($"\"order_id\":\"{order.Id}\"", events[^1].Data);
    }

    [Fact]
    public async Task Partial_payments_add_up_and_confirm_when_the_sum_reaches_the_amount()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(10m, null))).Value!;

        await Sink.HandleAsync(OrderFixtures.PaymentFor(order, 4m), CancellationToken.None);
        var underpaid = await app.ReloadAsync(order);
        await Sink.HandleAsync(OrderFixtures.PaymentFor(order, 6.5m), CancellationToken.None);
        var confirmed = await app.ReloadAsync(order);

        Assert.Equal(OrderStatus.Underpaid, underpaid.Status);
        Assert.Equal(4m, underpaid.AmountReceived);
        Assert.Equal(OrderStatus.Confirmed, confirmed.Status);
        Assert.Equal(10.5m, confirmed.AmountReceived);
        Assert.True(confirmed.Overpaid);
    }

    [Fact]
    public async Task A_payment_after_expiry_is_kept_on_the_order_and_spends_no_credit()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(3m, null))).Value!;

        await Sink.HandleAsync(OrderFixtures.PaymentFor(order, 3m, at: order.ExpiresAt.AddMinutes(10)), CancellationToken.None);

        var late = await app.ReloadAsync(order);
        Assert.Equal(OrderStatus.PaidAfterExpiry, late.Status);
        Assert.Equal(3m, late.AmountReceived);
        Assert.Equal(100, await app.Services.GetRequiredService<CreditService>().BalanceAsync(scope));
    }

    [Fact]
    public async Task Money_for_a_confirmed_order_is_announced_as_a_payment_after_close_and_spends_nothing()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(5m, null))).Value!;
        await Sink.HandleAsync(OrderFixtures.PaymentFor(order, 5m), CancellationToken.None);
        var extra = OrderFixtures.PaymentFor(order, 2.5m);

        await Sink.HandleAsync(extra, CancellationToken.None);

        var after = await app.ReloadAsync(order);
        Assert.Equal(OrderStatus.Confirmed, after.Status);
        Assert.Equal(7.5m, after.AmountReceived);
        Assert.Equal(99, await app.Services.GetRequiredService<CreditService>().BalanceAsync(scope));
        var announced = Assert.Single(await EventsAsync(scope.MerchantId), e => e.Type == OrderPaymentAfterClose.Type);
        using var data = System.Text.Json.JsonDocument.Parse(announced.Data);
        Assert.Equal(order.Id, data.RootElement.GetProperty("order_id").GetString());
        Assert.Equal("confirmed", data.RootElement.GetProperty("status").GetString());
        Assert.Equal(7.5m, data.RootElement.GetProperty("amount_received").GetDecimal());
        var payment = data.RootElement.GetProperty("payment");
        Assert.Equal(extra.Record.TransactionHash, payment.GetProperty("transaction_hash").GetString());
        Assert.Equal(extra.Record.From, payment.GetProperty("from").GetString());
        Assert.Equal(2.5m, payment.GetProperty("amount").GetDecimal());
        await using var db = await Db();
        Assert.True((await db.Set<ChainPayment>().SingleAsync(p => p.OperationId == extra.Record.Id)).AfterOrderClosed);
    }

    [Fact]
    public async Task Money_for_a_canceled_order_is_announced_and_shown_on_its_timeline()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(4m, null))).Value!;
        await Orders.CancelAsync(scope, order.Id);

        await Sink.HandleAsync(OrderFixtures.PaymentFor(order, 4m), CancellationToken.None);

        var after = await app.ReloadAsync(order);
        Assert.Equal(OrderStatus.Canceled, after.Status);
        var announced = Assert.Single(await EventsAsync(scope.MerchantId), e => e.Type == OrderPaymentAfterClose.Type);
        Assert.Contains("\"status\":\"canceled\"", announced.Data);
        var payments = await app.Services.GetRequiredService<OrderQueries>().PaymentsAsync(scope, order.Id);
        var step = Assert.Single(OrderTimeline.Build(after, payments), e => e.Step == TimelineStep.PaymentAfterClose);
        Assert.Contains("refund", step.Detail);
        Assert.DoesNotContain(OrderTimeline.Build(after, payments), e => e.Step == TimelineStep.PaymentSeen);
    }

    [Fact]
    public async Task A_payment_whose_memo_names_no_order_is_recorded_unmatched_and_reported_to_the_wallet_owner()
    {
        var (scope, wallet) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(3m, null))).Value!;
        var payment = OrderFixtures.PaymentFor(order, 3m, memo: "thanks!");

        await Sink.HandleAsync(payment, CancellationToken.None);

        await using var db = await Db();
        var recorded = await db.Set<ChainPayment>().SingleAsync(p => p.OperationId == payment.Record.Id);
        Assert.Null(recorded.OrderId);
        Assert.Equal(wallet.Address, recorded.Wallet);
        Assert.Equal(OrderStatus.PendingConfirmation, (await app.ReloadAsync(order)).Status);
        Assert.Contains(await EventsAsync(scope.MerchantId), e => e.Type == PaymentUnmatched.Type && e.Data.Contains("thanks!"));
    }

    [Fact]
    public async Task The_expiry_job_expires_unpaid_orders_past_their_time_only()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var stale = (await Orders.CreateAsync(scope, new CreateOrderRequest(1m, null))).Value!;
        var fresh = (await Orders.CreateAsync(scope, new CreateOrderRequest(2m, null))).Value!;
        await using (var db = await Db())
            await db.Set<Order>().Where(o => o.Id == stale.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));

        await app.Services.GetRequiredService<OrderExpiry>().RunAsync(CancellationToken.None);

        Assert.Equal(OrderStatus.Expired, (await app.ReloadAsync(stale)).Status);
        Assert.Equal(OrderStatus.PendingConfirmation, (await app.ReloadAsync(fresh)).Status);
    }

    [Fact]
    public async Task The_expiry_job_works_through_a_backlog_longer_than_one_batch_in_one_run()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var count = OrderExpiry.BatchSize + 3;
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => Orders.CreateAsync(scope, new CreateOrderRequest(1m + i, null))));
        await using (var db = await Db())
            await db.Set<Order>().Where(o => o.MerchantId == scope.MerchantId)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));

        await app.Services.GetRequiredService<OrderExpiry>().RunAsync(CancellationToken.None);

        await using var check = await Db();
        Assert.Equal(count, await check.Set<Order>().CountAsync(o => o.MerchantId == scope.MerchantId && o.Status == OrderStatus.Expired));
        Assert.Equal(count, await check.Set<OutboxEvent>().CountAsync(e => e.MerchantId == scope.MerchantId && e.Type == OrderExpired.Type));
    }

    private async Task<List<OutboxEvent>> EventsAsync(string merchantId)
    {
        await using var db = await Db();
        return await db.Set<OutboxEvent>().Where(e => e.MerchantId == merchantId).OrderBy(e => e.Sequence).ToListAsync();
    }

    private Task<FluxDbContext> Db() => app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
}
