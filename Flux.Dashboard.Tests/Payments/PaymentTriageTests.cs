using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Payments;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Payments;

[Collection(FluxAppCollection.Name)]
public sealed class PaymentTriageTests(FluxAppFactory app)
{
    private ConfirmationService Confirmations => app.Services.GetRequiredService<ConfirmationService>();
    private PaymentsQuery Payments => app.Services.GetRequiredService<PaymentsQuery>();
    private OrderService Orders => app.Services.GetRequiredService<OrderService>();

    [Fact]
    public async Task An_unmatched_payment_attached_to_the_right_order_confirms_it_once()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(8m, null))).Value!;
        await Confirmations.HandleAsync([OrderFixtures.PaymentFor(order, 8m, memo: "forgot the memo")], CancellationToken.None);
        var unmatched = Assert.Single(await Payments.RecentAsync(scope, unmatchedOnly: true, take: 10));

        var outcome = await Confirmations.AttachAsync(scope, unmatched.Id, order.Id);
        var again = await Confirmations.AttachAsync(scope, unmatched.Id, order.Id);

        Assert.Equal(MatchOutcome.Confirmed, outcome);
        Assert.Null(again);
        Assert.Equal(OrderStatus.Confirmed, (await app.ReloadAsync(order)).Status);
        Assert.Empty(await Payments.RecentAsync(scope, unmatchedOnly: true, take: 10));
        Assert.Equal(order.Id, Assert.Single(await Payments.RecentAsync(scope, unmatchedOnly: false, take: 10)).OrderId);
    }

    [Fact]
    public async Task Another_merchant_neither_sees_nor_attaches_the_payment()
    {
        var (owner, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var (stranger, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = (await Orders.CreateAsync(owner, new CreateOrderRequest(2m, null))).Value!;
        var strangersOrder = (await Orders.CreateAsync(stranger, new CreateOrderRequest(2m, null))).Value!;
        await Confirmations.HandleAsync([OrderFixtures.PaymentFor(order, 2m, memo: "?")], CancellationToken.None);
        var unmatched = Assert.Single(await Payments.RecentAsync(owner, unmatchedOnly: true, take: 10));

        Assert.Empty(await Payments.RecentAsync(stranger, unmatchedOnly: false, take: 10));
        Assert.Empty(await Payments.RecentAsync(owner with { Livemode = true }, unmatchedOnly: false, take: 10));
        Assert.Null(await Confirmations.AttachAsync(stranger, unmatched.Id, strangersOrder.Id));
        Assert.Null(await Confirmations.AttachAsync(owner, unmatched.Id, strangersOrder.Id));
    }
}
