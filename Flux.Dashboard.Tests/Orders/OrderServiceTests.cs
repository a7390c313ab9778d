using Flux.Dashboard.Common;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Orders;

[Collection(FluxAppCollection.Name)]
public sealed class OrderServiceTests(FluxAppFactory app)
{
    private OrderService Orders => app.Services.GetRequiredService<OrderService>();

    [Fact]
    public async Task New_order_is_pending_with_its_id_as_memo_paid_into_the_default_wallet()
    {
        var (scope, wallet) = await app.NewMerchantWithWalletAsync(livemode: false);

        var result = await Orders.CreateAsync(scope, new CreateOrderRequest(10.1234567m, "Premium subscription"));

        var order = Assert.IsType<Order>(result.Value);
        Assert.StartsWith("ord_", order.Id);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(order.Memo) <= 28);
        Assert.Equal(wallet.Address, order.PayTo);
        Assert.Equal(OrderStatus.PendingConfirmation, order.Status);
        Assert.Equal(order.CreatedAt + OrderRules.DefaultLifetime, order.ExpiresAt);
        Assert.Equal(order.Id, (await Orders.GetAsync(scope, order.Id))!.Id);
    }

    [Theory]
    [InlineData("0", "amount")]
    [InlineData("-5", "amount")]
    [InlineData("1.12345678", "amount")]
    [InlineData("1000000000.0000001", "amount")]
    public async Task Bad_amount_is_a_field_error_and_writes_nothing(string amount, string field)
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);

        var result = await Orders.CreateAsync(scope, new CreateOrderRequest(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), null));

        Assert.Equal(field, Assert.Single(result.Errors).Field);
        Assert.Equal(0, await OrderCountAsync(scope.MerchantId));
    }

    [Fact]
    public async Task Missing_amount_and_overlong_description_are_both_reported()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);

        var result = await Orders.CreateAsync(scope, new CreateOrderRequest(null, new string('x', 501)));

        Assert.Equal(["amount", "description"], result.Errors.Select(e => e.Field));
        Assert.Equal(0, await OrderCountAsync(scope.MerchantId));
    }

    [Fact]
    public async Task Another_merchants_wallet_or_the_other_modes_wallet_cannot_be_used()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var (_, strangersWallet) = await app.NewMerchantWithWalletAsync(livemode: false);
        var (_, liveWallet) = await app.NewMerchantWithWalletAsync(livemode: true);

        var byId = await Orders.CreateAsync(scope, new CreateOrderRequest(1m, null, WalletId: strangersWallet.Id));
        var byAddress = await Orders.CreateAsync(scope, new CreateOrderRequest(1m, null, WalletAddress: strangersWallet.Address));
        var otherMode = await Orders.CreateAsync(scope, new CreateOrderRequest(1m, null, WalletId: liveWallet.Id));

        Assert.Equal("wallet", Assert.Single(byId.Errors).Field);
        Assert.Equal("merchant_wallet", Assert.Single(byAddress.Errors).Field);
        Assert.Equal("wallet", Assert.Single(otherMode.Errors).Field);
        Assert.Equal(0, await OrderCountAsync(scope.MerchantId));
    }

    [Fact]
    public async Task Another_merchants_order_is_invisible_and_cannot_be_canceled()
    {
        var (owner, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var (stranger, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = (await Orders.CreateAsync(owner, new CreateOrderRequest(1m, null))).Value!;

        Assert.Null(await Orders.GetAsync(stranger, order.Id));
        Assert.Null(await Orders.GetAsync(owner with { Livemode = true }, order.Id));
        Assert.Equal(ServiceFailure.NotFound, (await Orders.CancelAsync(stranger, order.Id)).Failure);
        Assert.Equal(OrderStatus.Canceled, (await Orders.CancelAsync(owner, order.Id)).Value!.Status);
    }

    private async Task<int> OrderCountAsync(string merchantId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        return await db.Set<Order>().CountAsync(o => o.MerchantId == merchantId);
    }
}
