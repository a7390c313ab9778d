using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Buttons;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Flux.Dashboard.Tests.Wallets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Buttons;

/// <summary>Order spam: unpaid orders customers left from a button are hidden from the default Orders list and purged after 30 days.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class AbandonedButtonOrdersTests(FluxAppFactory app)
{
    private ButtonService Buttons => app.Services.GetRequiredService<ButtonService>();
    private OrderService Orders => app.Services.GetRequiredService<OrderService>();

    [Fact]
    public async Task Unpaid_expired_or_canceled_button_orders_are_hidden_unless_asked_for()
    {
        var (scope, button) = await ButtonAsync();
        var pending = await FromButtonAsync(button);
        var expired = await FromButtonAsync(button, OrderStatus.Expired);
        var canceled = await FromButtonAsync(button, OrderStatus.Canceled);
        var partlyPaid = await FromButtonAsync(button, OrderStatus.Expired, withPayment: true);
        var merchants = (await Orders.CreateAsync(scope, new CreateOrderRequest(1m, "By hand"))).Value!.Id;
        await SetAsync(merchants, OrderStatus.Expired);
        var queries = app.Services.GetRequiredService<OrderQueries>();

        var shown = (await queries.ListAsync(scope, OrderFilter.None, 0, 100)).Rows.Select(r => r.Order.Id).ToHashSet();
        var all = (await queries.ListAsync(scope, new OrderFilter(IncludeAbandonedButtonOrders: true), 0, 100)).Rows.Select(r => r.Order.Id).ToHashSet();

        Assert.Equal(new[] { pending, partlyPaid, merchants }.Order(), shown.Order());
        Assert.Equal(new[] { pending, expired, canceled, partlyPaid, merchants }.Order(), all.Order());
        Assert.True(OrderFilterFromQuery("?abandoned=true").IncludeAbandonedButtonOrders);
        Assert.False(OrderFilterFromQuery("").IncludeAbandonedButtonOrders);
        Assert.Equal("?abandoned=true", new OrderFilter(IncludeAbandonedButtonOrders: true).ToQueryString());
    }

    [Fact]
    public async Task The_purge_removes_only_unpaid_button_orders_older_than_30_days()
    {
        var (scope, button) = await ButtonAsync();
        var old = DateTimeOffset.UtcNow.AddDays(-31);
        var oldAbandoned = await FromButtonAsync(button, OrderStatus.Expired, createdAt: old);
        var recentAbandoned = await FromButtonAsync(button, OrderStatus.Expired, createdAt: DateTimeOffset.UtcNow.AddDays(-29));
        var oldPending = await FromButtonAsync(button, createdAt: old);
        var oldPartlyPaid = await FromButtonAsync(button, OrderStatus.Expired, createdAt: old, withPayment: true);
        var oldMerchants = (await Orders.CreateAsync(scope, new CreateOrderRequest(1m, "By hand"))).Value!.Id;
        await SetAsync(oldMerchants, OrderStatus.Expired, old);

        await app.Services.GetRequiredService<ButtonOrderPurge>().RunAsync(CancellationToken.None);

        foreach (var kept in new[] { recentAbandoned, oldPending, oldPartlyPaid, oldMerchants })
            Assert.NotNull(await Orders.GetAsync(scope, kept));
        Assert.Null(await Orders.GetAsync(scope, oldAbandoned));
    }

    private static OrderFilter OrderFilterFromQuery(string query)
    {
        Assert.True(OrderFilter.TryParse(new Microsoft.AspNetCore.Http.QueryCollection(
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)), out var filter, out _));
        return filter;
    }

    private async Task<(MerchantScope Scope, OrderButton Button)> ButtonAsync()
    {
        var scope = await app.NewMerchantAsync();
        var wallet = await app.AddUnwatchedWalletAsync(scope);
        return (scope, (await Buttons.CreateAsync(scope, new CreateButtonRequest("Tea", 2m, WalletAddress: wallet))).Value!);
    }

    private async Task<string> FromButtonAsync(OrderButton button, OrderStatus? status = null, DateTimeOffset? createdAt = null, bool withPayment = false)
    {
        var order = (await Buttons.CreateOrderFromButtonAsync(button.Id, null)).Value!;
        if (status is not null || createdAt is not null)
            await SetAsync(order.Id, status ?? OrderStatus.PendingConfirmation, createdAt);
        if (withPayment)
        {
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
            db.Add(new ChainPayment
            {
                Network = order.Network, OperationId = Guid.NewGuid().ToString("N"), PagingToken = "1", TransactionHash = new string('a', 64),
                Wallet = order.PayTo, Amount = 0.5m, MemoType = "text", Memo = order.Id, CreatedAt = DateTimeOffset.UtcNow,
                RecordedAt = DateTimeOffset.UtcNow, OrderId = order.Id,
            });
            await db.SaveChangesAsync();
        }
        return order.Id;
    }

    private async Task SetAsync(string orderId, OrderStatus status, DateTimeOffset? createdAt = null)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        var at = createdAt ?? (await db.Set<Order>().SingleAsync(o => o.Id == orderId)).CreatedAt;
        await db.Set<Order>().Where(o => o.Id == orderId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, status).SetProperty(o => o.CreatedAt, at));
    }
}
