using System.Threading.Channels;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Tests.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Orders;

/// <summary>"Simulate payment" end to end in process: sandbox ledger → sandbox Horizon stream → watcher → confirmation → event bus.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class SimulatedPaymentTests(FluxAppFactory app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private OrderService Orders => app.Services.GetRequiredService<OrderService>();
    private OrderPaymentSimulator Simulator => app.Services.GetRequiredService<OrderPaymentSimulator>();

    [Fact]
    public async Task A_simulated_full_payment_confirms_the_test_order_through_the_watcher_and_tells_the_dashboard()
    {
        var (scope, _) = await app.NewTestMerchantWithWatchedWalletAsync();
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(12.5m, "Simulated mug"))).Value!;
        var events = Channel.CreateUnbounded<EventNotification>();
        using var subscription = app.Services.GetRequiredService<EventBus>()
            .Subscribe(scope, e => events.Writer.WriteAsync(e).AsTask());

        var sent = await Simulator.PayAsync(scope, order.Id, SimulatedPaymentKind.Full);
        var confirmed = await app.WaitForStatusAsync(scope, order.Id, OrderStatus.Confirmed, Patience);

        Assert.True(sent.Succeeded, sent.Error?.Message);
        Assert.Equal(12.5m, sent.Value!.Amount);
        Assert.Equal(OrderStatus.Confirmed, confirmed.Status);
        Assert.Equal(12.5m, confirmed.AmountReceived);
        Assert.Equal(sent.Value!.TransactionHash, confirmed.TransactionHash);
        var payment = Assert.Single(await app.Services.GetRequiredService<OrderQueries>().PaymentsAsync(scope, order.Id));
        Assert.Equal(Flux.Dashboard.Chain.SandboxTestWallet.Address, payment.From);
        using var wait = new CancellationTokenSource(Patience);
        EventNotification seen;
        do seen = await events.Reader.ReadAsync(wait.Token);
        while (seen.Data is not OrderConfirmed);
        Assert.Equal(order.Id, seen.OrderId);
    }

    [Fact]
    public async Task The_seed_docs_test_wallet_registered_as_the_merchants_own_is_paid_by_simulation()
    {
        var scope = new Flux.Dashboard.Features.Accounts.MerchantScope(await app.CreateMerchantAsync($"seed-wallet-{Guid.NewGuid():N}@shop.test"), Livemode: false);
        using var services = app.Services.CreateScope();
        var added = await services.ServiceProvider.GetRequiredService<Flux.Dashboard.Features.Wallets.WalletService>()
            .AddAsync(scope, Flux.Dashboard.Chain.SandboxTestWallet.Address, "Seed docs wallet");
        Assert.True(added.Succeeded, added.Error?.Message);
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(2.5m, null))).Value!;
        Assert.Equal(Flux.Dashboard.Chain.SandboxTestWallet.Address, order.PayTo);

        var sent = await Simulator.PayAsync(scope, order.Id, SimulatedPaymentKind.Full);
        var confirmed = await app.WaitForStatusAsync(scope, order.Id, OrderStatus.Confirmed, Patience);

        Assert.True(sent.Succeeded, sent.Error?.Message);
        Assert.Equal(sent.Value!.TransactionHash, confirmed.TransactionHash);
        var payment = Assert.Single(await app.Services.GetRequiredService<OrderQueries>().PaymentsAsync(scope, order.Id));
        Assert.NotEqual(Flux.Dashboard.Chain.SandboxTestWallet.Address, payment.From);
    }

    [Fact]
    public async Task Half_then_full_payments_make_the_order_underpaid_then_confirmed_without_overpaying()
    {
        var (scope, _) = await app.NewTestMerchantWithWatchedWalletAsync();
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(3m, null))).Value!;

        var half = await Simulator.PayAsync(scope, order.Id, SimulatedPaymentKind.Partial);
        var underpaid = await app.WaitForStatusAsync(scope, order.Id, OrderStatus.Underpaid, Patience);
        var rest = await Simulator.PayAsync(scope, order.Id, SimulatedPaymentKind.Full);
        var confirmed = await app.WaitForStatusAsync(scope, order.Id, OrderStatus.Confirmed, Patience);

        Assert.Equal(1.5m, half.Value!.Amount);
        Assert.Equal(OrderStatus.Underpaid, underpaid.Status);
        Assert.Equal(1.5m, rest.Value!.Amount);
        Assert.Equal(OrderStatus.Confirmed, confirmed.Status);
        Assert.False(confirmed.Overpaid);
        Assert.Equal(2, (await app.Services.GetRequiredService<OrderQueries>().PaymentsAsync(scope, order.Id)).Count);
    }

    [Fact]
    public async Task An_overpayment_confirms_and_is_flagged()
    {
        var (scope, _) = await app.NewTestMerchantWithWatchedWalletAsync();
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(2m, null))).Value!;

        var sent = await Simulator.PayAsync(scope, order.Id, SimulatedPaymentKind.Overpay);
        var confirmed = await app.WaitForStatusAsync(scope, order.Id, OrderStatus.Confirmed, Patience);

        Assert.Equal(3m, sent.Value!.Amount);
        Assert.True(confirmed.Overpaid);
    }

    [Fact]
    public async Task A_wrong_memo_payment_is_recorded_unmatched_and_leaves_the_order_pending()
    {
        var (scope, wallet) = await app.NewTestMerchantWithWatchedWalletAsync();
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(2m, null))).Value!;

        var sent = await Simulator.PayAsync(scope, order.Id, SimulatedPaymentKind.WrongMemo);
        var recorded = await app.Services.WaitForRecordedAsync(wallet.Address, 1, Patience);

        Assert.True(sent.Succeeded, sent.Error?.Message);
        var payment = Assert.Single(recorded);
        Assert.Equal(OrderPaymentSimulator.WrongMemo, payment.Memo);
        Assert.Null(payment.OrderId);
        Assert.Equal(OrderStatus.PendingConfirmation, (await Orders.GetAsync(scope, order.Id))!.Status);
    }

    [Fact]
    public async Task Simulation_is_refused_for_live_orders_and_for_wallets_the_watcher_does_not_follow()
    {
        var (liveScope, _) = await app.NewMerchantWithWalletAsync(livemode: true);
        var liveOrder = (await Orders.CreateAsync(liveScope, new CreateOrderRequest(1m, null))).Value!;
        var (testScope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var unwatchedOrder = (await Orders.CreateAsync(testScope, new CreateOrderRequest(1m, null))).Value!;

        var live = await Simulator.PayAsync(liveScope, liveOrder.Id, SimulatedPaymentKind.Full);
        var unwatched = await Simulator.PayAsync(testScope, unwatchedOrder.Id, SimulatedPaymentKind.Full);
        var otherMerchant = await Simulator.PayAsync(testScope, liveOrder.Id, SimulatedPaymentKind.Full);

        Assert.False(live.Succeeded);
        Assert.Contains("test mode", live.Error!.Message);
        Assert.False(unwatched.Succeeded);
        Assert.Contains("not watching", unwatched.Error!.Message);
        Assert.False(otherMerchant.Succeeded);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Set<SandboxTransaction>().AnyAsync(t => t.Memo == liveOrder.Id || t.Memo == unwatchedOrder.Id));
    }
}
