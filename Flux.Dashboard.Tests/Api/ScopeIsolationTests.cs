using System.Net;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Api;

/// <summary>The key fixes merchant and mode: another merchant's or the other mode's orders do not exist for it.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class ScopeIsolationTests(FluxAppFactory app)
{
    [Fact]
    public async Task A_live_key_never_sees_test_orders_and_a_test_key_never_sees_live_ones()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        await app.AddUnwatchedWalletAsync(merchant.LiveScope);
        using var test = app.ApiClient(merchant.TestKey);
        using var live = app.ApiClient(merchant.LiveKey);

        var testOrder = (await test.CreateOrderAsync(1m)).GetProperty("order_id").GetString();
        var liveOrderJson = await live.CreateOrderAsync(2m);
        var liveOrder = liveOrderJson.GetProperty("order_id").GetString();

        Assert.True(liveOrderJson.GetProperty("livemode").GetBoolean());
        await (await live.GetAsync($"/v1/orders/{testOrder}")).AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found", anyParam: true);
        await (await test.GetAsync($"/v1/orders/{liveOrder}")).AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found", anyParam: true);
        await (await live.PostAsync($"/v1/orders/{testOrder}/cancel", null)).AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found", anyParam: true);
        Assert.Equal([testOrder], await OrderIdsAsync(test));
        Assert.Equal([liveOrder], await OrderIdsAsync(live));
        await (await live.GetAsync($"/v1/orders?starting_after={testOrder}")).AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "starting_after");
    }

    [Fact]
    public async Task Another_merchants_order_is_404_on_every_endpoint()
    {
        var owner = await app.NewApiMerchantAsync();
        var other = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(owner.TestScope);
        await app.AddUnwatchedWalletAsync(other.TestScope);
        using var ownerClient = app.ApiClient(owner.TestKey);
        using var otherClient = app.ApiClient(other.TestKey);
        var orderId = (await ownerClient.CreateOrderAsync(3m)).GetProperty("order_id").GetString();

        await (await otherClient.GetAsync($"/v1/orders/{orderId}")).AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found", anyParam: true);
        await (await otherClient.PostAsync($"/v1/orders/{orderId}/cancel", null)).AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found", anyParam: true);
        await (await otherClient.PostJsonAsync("/v1/sandbox/payments", $$"""{"order_id": "{{orderId}}"}"""))
            .AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found", "order_id");
        await (await otherClient.GetAsync($"/v1/orders?ending_before={orderId}")).AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "ending_before");
        Assert.Empty(await OrderIdsAsync(otherClient));

        // Still there, untouched, for its owner.
        var order = await (await ownerClient.GetAsync($"/v1/orders/{orderId}")).JsonAsync();
        Assert.Equal("pending_confirmation", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Credits_are_per_mode()
    {
        var merchant = await app.NewApiMerchantAsync();

        var test = await (await app.ApiClient(merchant.TestKey).GetAsync("/v1/credits/balance")).JsonAsync();
        var live = await (await app.ApiClient(merchant.LiveKey).GetAsync("/v1/credits/balance")).JsonAsync();

        Assert.Equal(100, test.GetProperty("available").GetInt32());
        Assert.Equal(0, test.GetProperty("used").GetInt32());
        Assert.False(test.GetProperty("livemode").GetBoolean());
        Assert.Equal(0, live.GetProperty("available").GetInt32());
        Assert.True(live.GetProperty("livemode").GetBoolean());
    }

    private static async Task<List<string?>> OrderIdsAsync(HttpClient client)
    {
        var list = await (await client.GetAsync("/v1/orders?limit=100")).JsonAsync();
        return list.GetProperty("data").EnumerateArray().Select(o => o.GetProperty("order_id").GetString()).ToList();
    }
}
