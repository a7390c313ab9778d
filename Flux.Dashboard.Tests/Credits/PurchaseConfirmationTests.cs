using System.Text.Json;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Flux.Dashboard.Features.Payments;

namespace Flux.Dashboard.Tests.Credits;

/// <summary>Treasury payments reach the same sink as order payments: what a purchase memo does there.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class PurchaseConfirmationTests(FluxAppFactory app)
{
    private PurchaseService Purchases => app.Services.GetRequiredService<PurchaseService>();
    private CreditService Credits => app.Services.GetRequiredService<CreditService>();
    private IPaymentSink Sink => app.Services.GetRequiredService<IPaymentSink>();

    [Fact]
    public async Task A_paid_purchase_grants_the_pack_once_without_spending_a_credit_and_confirms_waiting_orders()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        await app.DrainCreditsAsync(scope);
        var orders = app.Services.GetRequiredService<OrderService>();
        var waiting = new List<Order>();
        for (var i = 0; i < 3; i++)
        {
            var order = (await orders.CreateAsync(scope, new CreateOrderRequest(2m + i, $"waiting {i}"))).Value!;
            await Sink.HandleAsync(OrderFixtures.PaymentFor(order, order.Amount), CancellationToken.None);
            waiting.Add(order);
        }
        Assert.All(waiting, o => Assert.Equal(OrderStatus.AwaitingCredit, app.ReloadAsync(o).Result.Status));
        var purchase = await BuyAsync(scope, 100);

        var payment = OrderFixtures.Payment(purchase.Network, purchase.PayTo, 10m, purchase.Memo);
        await Task.WhenAll(Sink.HandleAsync(payment, CancellationToken.None), Sink.HandleAsync(payment, CancellationToken.None));

        var paid = await app.ReloadAsync(purchase);
        Assert.Equal(PurchaseStatus.Paid, paid.Status);
        Assert.Equal(payment.Record.TransactionHash, paid.TransactionHash);
        var grant = Assert.Single(await app.LedgerAsync(scope, CreditReason.Purchase));
        Assert.Equal((100, purchase.Id), (grant.Delta, grant.PurchaseId));
        foreach (var order in waiting)
            Assert.Equal(OrderStatus.Confirmed, (await app.ReloadAsync(order)).Status);
        Assert.Equal(97, await Credits.BalanceAsync(scope));
        var purchased = Assert.Single(await app.EventsAsync(scope, CreditsPurchased.Type));
        using var data = JsonDocument.Parse(purchased.Data);
        Assert.Equal(purchase.Id, data.RootElement.GetProperty("purchase_id").GetString());
        Assert.Equal(100, data.RootElement.GetProperty("credits").GetInt32());
    }

    [Fact]
    public async Task An_underpaid_purchase_grants_nothing_until_partial_payments_reach_the_price()
    {
        var scope = await NewTestScopeAsync();
        var purchase = await BuyAsync(scope, 1_000);
        var before = await Credits.BalanceAsync(scope);

        await Sink.HandleAsync(OrderFixtures.Payment(purchase.Network, purchase.PayTo, 79.9999999m, purchase.Memo), CancellationToken.None);

        var underpaid = await app.ReloadAsync(purchase);
        Assert.Equal(PurchaseStatus.Underpaid, underpaid.Status);
        Assert.Equal(0.0000001m, underpaid.AmountDue);
        Assert.Empty(await app.LedgerAsync(scope, CreditReason.Purchase));
        Assert.Empty(await app.EventsAsync(scope, CreditsPurchased.Type));
        Assert.Single(await app.EventsAsync(scope, CreditsPurchaseUnderpaid.Type));
        Assert.Equal(before, await Credits.BalanceAsync(scope));

        await Sink.HandleAsync(OrderFixtures.Payment(purchase.Network, purchase.PayTo, 0.0000001m, purchase.Memo), CancellationToken.None);

        Assert.Equal(PurchaseStatus.Paid, (await app.ReloadAsync(purchase)).Status);
        Assert.Equal(before + 1_000, await Credits.BalanceAsync(scope));
    }

    [Fact]
    public async Task An_overpaid_purchase_grants_the_pack_once_and_keeps_the_overpayment()
    {
        var scope = await NewTestScopeAsync();
        var purchase = await BuyAsync(scope, 100);
        var before = await Credits.BalanceAsync(scope);

        await Sink.HandleAsync(OrderFixtures.Payment(purchase.Network, purchase.PayTo, 12.5m, purchase.Memo), CancellationToken.None);
        await Sink.HandleAsync(OrderFixtures.Payment(purchase.Network, purchase.PayTo, 1m, purchase.Memo), CancellationToken.None);

        var paid = await app.ReloadAsync(purchase);
        Assert.Equal(PurchaseStatus.Paid, paid.Status);
        Assert.Equal(13.5m, paid.AmountReceived);
        Assert.Equal(3.5m, paid.Overpayment);
        Assert.Single(await app.LedgerAsync(scope, CreditReason.Purchase));
        Assert.Equal(before + 100, await Credits.BalanceAsync(scope));
    }

    [Fact]
    public async Task A_purchase_memo_paid_anywhere_but_the_treasury_grants_nothing_and_an_order_memo_never_buys_credits()
    {
        var (scope, wallet) = await app.NewMerchantWithWalletAsync(livemode: false);
        var purchase = await BuyAsync(scope, 100);
        var order = (await app.Services.GetRequiredService<OrderService>().CreateAsync(scope, new CreateOrderRequest(10m, "order"))).Value!;
        var before = await Credits.BalanceAsync(scope);

        await Sink.HandleAsync(OrderFixtures.Payment(purchase.Network, wallet.Address, 10m, purchase.Memo), CancellationToken.None);
        await Sink.HandleAsync(OrderFixtures.Payment(purchase.Network, purchase.PayTo, 10m, order.Id), CancellationToken.None);

        Assert.Equal(PurchaseStatus.Pending, (await app.ReloadAsync(purchase)).Status);
        Assert.Equal(OrderStatus.PendingConfirmation, (await app.ReloadAsync(order)).Status);
        Assert.Empty(await app.LedgerAsync(scope, CreditReason.Purchase));
        Assert.Equal(before, await Credits.BalanceAsync(scope));
        Assert.Single(await app.EventsAsync(scope, PaymentUnmatched.Type));
    }

    [Fact]
    public async Task A_simulated_payment_reaches_the_treasury_through_the_sandbox_and_the_watcher()
    {
        var scope = await NewTestScopeAsync();
        var purchase = await BuyAsync(scope, 100);
        var before = await Credits.BalanceAsync(scope);

        var simulated = await Purchases.SimulatePaymentAsync(scope, purchase.Id, SimulatedPaymentKind.Full);

        Assert.True(simulated.Succeeded, simulated.Error?.Message);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await app.ReloadAsync(purchase)).Status != PurchaseStatus.Paid && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        var paid = await app.ReloadAsync(purchase);
        Assert.Equal(PurchaseStatus.Paid, paid.Status);
        Assert.Equal(simulated.Value!.TransactionHash, paid.TransactionHash);
        Assert.Equal(before + 100, await Credits.BalanceAsync(scope));
    }

    [Fact]
    public async Task Without_a_treasury_for_the_network_buying_is_unavailable_with_a_clear_message()
    {
        var scope = new MerchantScope(await app.CreateMerchantAsync($"live-{Guid.NewGuid():N}@shop.test"), Livemode: true);

        var result = await Purchases.CreateAsync(scope, 100);

        Assert.False(result.Succeeded);
        Assert.Contains("not available on Pi mainnet", result.Error!.Message);
        Assert.Empty(await app.Services.GetRequiredService<PurchaseService>().RecentAsync(scope, 10));
    }

    [Fact]
    public async Task A_pack_that_is_not_on_sale_cannot_be_bought()
    {
        var result = await Purchases.CreateAsync(await NewTestScopeAsync(), 123);

        Assert.False(result.Succeeded);
        Assert.Equal("There is no pack of 123 credits.", result.Error!.Message);
    }

    private async Task<MerchantScope> NewTestScopeAsync() =>
        new(await app.CreateMerchantAsync($"buyer-{Guid.NewGuid():N}@shop.test"), Livemode: false);

    private async Task<CreditPurchase> BuyAsync(MerchantScope scope, int credits)
    {
        var result = await Purchases.CreateAsync(scope, credits);
        Assert.Null(result.Error);
        Assert.StartsWith("cp_", result.Value!.Memo);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(result.Value.Memo) <= 28);
        return result.Value;
    }
}
