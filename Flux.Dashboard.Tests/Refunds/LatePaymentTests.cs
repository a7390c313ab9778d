using System.Text.Json;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Refunds;

/// <summary>Money that arrived after an order expired gets a decision: "Accept payment" confirms it late (issue #28).</summary>
[Collection(FluxAppCollection.Name)]
public sealed class LatePaymentTests(FluxAppFactory app)
{
    [Fact]
    public async Task A_late_payment_accepted_twice_at_once_confirms_the_order_once_for_one_credit_as_late()
    {
        var (scope, wallet) = await app.NewTestMerchantWithWatchedWalletAsync();
        var order = await app.InsertOrderAsync(scope, wallet, DateTimeOffset.UtcNow.AddHours(-1), amount: 2m);
        var paid = await app.Services.GetRequiredService<OrderPaymentSimulator>().PayAsync(scope, order.Id, SimulatedPaymentKind.Full);
        Assert.True(paid.Succeeded, paid.Error?.Message);
        Assert.Equal(OrderStatus.PaidAfterExpiry, (await app.WaitForStatusAsync(scope, order.Id, OrderStatus.PaidAfterExpiry, TimeSpan.FromSeconds(15))).Status);
        var credits = app.Services.GetRequiredService<CreditService>();
        var before = await credits.BalanceAsync(scope);
        var confirmations = app.Services.GetRequiredService<ConfirmationService>();

        var accepted = await Task.WhenAll(confirmations.AcceptLateAsync(scope, order.Id), confirmations.AcceptLateAsync(scope, order.Id));

        Assert.Single(accepted, r => r.Succeeded);
        Assert.Equal("status", Assert.Single(accepted, r => !r.Succeeded).Error!.Field);
        Assert.Equal(OrderStatus.Confirmed, (await app.ReloadAsync(order)).Status);
        Assert.Equal(before - 1, await credits.BalanceAsync(scope));
        var confirmed = Assert.Single(await app.Services.GetRequiredService<EventQueries>().RecentAsync(scope, new EventTypeFilter(["order.confirmed"]), 10));
        Assert.True(JsonDocument.Parse(confirmed.Data).RootElement.GetProperty("late").GetBoolean());
    }

    [Fact]
    public async Task Only_an_order_paid_after_expiry_is_accepted_late()
    {
        var (scope, wallet) = await app.NewTestMerchantWithWatchedWalletAsync();
        var order = await app.InsertOrderAsync(scope, wallet, DateTimeOffset.UtcNow, amount: 2m);

        var refused = await app.Services.GetRequiredService<ConfirmationService>().AcceptLateAsync(scope, order.Id);

        Assert.Equal("status", Assert.Single(refused.Errors).Field);
        Assert.Equal(OrderStatus.PendingConfirmation, (await app.ReloadAsync(order)).Status);
    }
}
