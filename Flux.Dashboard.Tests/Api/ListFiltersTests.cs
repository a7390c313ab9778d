using System.Net;
using System.Text.Json;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Chain.Watching;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Api;

/// <summary>The list filters a merchant needs narrow the list as they say (issue #27 item 3).</summary>
[Collection(FluxAppCollection.Name)]
public sealed class ListFiltersTests(FluxAppFactory app)
{
    [Fact]
    public async Task Orders_filter_by_status_and_by_button()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);
        var pending = (await client.CreateOrderAsync(1m)).GetProperty("order_id").GetString()!;
        var canceled = (await client.CreateOrderAsync(2m)).GetProperty("order_id").GetString()!;
        using (await client.PostAsync($"/v1/orders/{canceled}/cancel", null)) { }
        using var button = await client.PostJsonAsync("/v1/buttons", """{"amount": 3, "label": "Mug"}""");
        var buttonId = (await button.JsonAsync()).GetProperty("button_id").GetString()!;
        using var publicClient = app.ApiClient(null);
        using var fromButton = await publicClient.PostJsonAsync($"/v1/public/buttons/{buttonId}/orders", "{}");
        var buttonOrder = (await fromButton.JsonAsync()).GetProperty("order_id").GetString()!;

        Assert.Equal([canceled], await OrderIdsAsync(client, "status=canceled"));
        Assert.Equal([buttonOrder, pending], await OrderIdsAsync(client, "status=pending_confirmation"));
        Assert.Empty(await OrderIdsAsync(client, "status=paid_after_expiry"));
        Assert.Equal([buttonOrder], await OrderIdsAsync(client, $"button_id={buttonId}"));
        Assert.Equal([buttonOrder], await OrderIdsAsync(client, $"button_id={buttonId}&status=pending_confirmation"));
        Assert.Equal(3, (await OrderIdsAsync(client, "")).Length);
    }

    [Fact]
    public async Task Orders_events_and_payments_filter_by_creation_time()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);
        var first = await client.CreateOrderAsync(1m);
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var second = await client.CreateOrderAsync(2m);
        var firstAt = first.GetProperty("created_at").GetString()!;
        var secondAt = second.GetProperty("created_at").GetString()!;
        Assert.NotEqual(firstAt, secondAt);

        Assert.Equal([second.GetProperty("order_id").GetString()!], await OrderIdsAsync(client, $"created[gte]={secondAt}"));
        Assert.Equal([first.GetProperty("order_id").GetString()!], await OrderIdsAsync(client, $"created[lte]={firstAt}"));
        Assert.Equal(2, (await OrderIdsAsync(client, $"created[gte]={firstAt}&created[lte]={secondAt}")).Length);
        Assert.Empty(await OrderIdsAsync(client, "created[gte]=2999-01-01T00:00:00Z"));
        Assert.Equal(2, (await OrderIdsAsync(client, "created[gte]=2020-01-01T01:00:00%2B01:00")).Length);

        var events = await ListAsync(client, $"/v1/events?type=order.created&created[gte]={secondAt}");
        Assert.Equal([second.GetProperty("order_id").GetString()!], events.Select(e => e.GetProperty("data").GetProperty("order_id").GetString()!));
        Assert.Empty(await ListAsync(client, "/v1/events?created[gte]=2999-01-01T00:00:00Z"));
        Assert.Empty(await ListAsync(client, "/v1/payments?created[gte]=2999-01-01T00:00:00Z"));
    }

    [Fact]
    public async Task Payments_filter_by_order_and_by_whether_an_order_matched_them()
    {
        var merchant = await app.NewApiMerchantAsync();
        var wallet = TestAddresses.Random();
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<WalletService>().AddAsync(merchant.TestScope, wallet, "Shop")).Succeeded);
        using var client = app.ApiClient(merchant.TestKey);
        var orderId = (await client.CreateOrderAsync(2.5m, wallet)).GetProperty("order_id").GetString()!;
        using (var paid = await client.PostJsonAsync("/v1/sandbox/payments", $$"""{"order_id": "{{orderId}}"}"""))
            Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        using (var stray = await client.PostJsonAsync("/v1/sandbox/payments", $$"""{"to": "{{wallet}}", "amount": 1.5, "memo": "no such order"}"""))
            Assert.Equal(HttpStatusCode.Created, stray.StatusCode);
        Assert.Equal(2, (await app.Services.WaitForRecordedAsync(wallet, 2, TimeSpan.FromSeconds(15))).Count);

        var ofOrder = await ListAsync(client, $"/v1/payments?order_id={orderId}");
        var unmatched = await ListAsync(client, "/v1/payments?unmatched=true");
        var matched = await ListAsync(client, "/v1/payments?unmatched=false");

        Assert.Equal([orderId], ofOrder.Select(p => p.GetProperty("order_id").GetString()!));
        Assert.Equal(["no such order"], unmatched.Select(p => p.GetProperty("memo").GetString()!));
        Assert.Equal([orderId], matched.Select(p => p.GetProperty("order_id").GetString()!));
        Assert.Equal(2, (await ListAsync(client, "/v1/payments")).Length);
    }

    /// <summary>
    /// A filter naming an object the key cannot see is refused as Stripe refuses it, not answered with an empty list that
    /// a typo would make look right; another merchant's object is answered exactly as one that does not exist.
    /// </summary>
    [Fact]
    public async Task A_filter_naming_no_object_of_the_key_is_400_naming_it()
    {
        var other = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(other.TestScope);
        using var otherClient = app.ApiClient(other.TestKey);
        var theirOrder = (await otherClient.CreateOrderAsync(1m)).GetProperty("order_id").GetString()!;
        using var button = await otherClient.PostJsonAsync("/v1/buttons", """{"amount": 3, "label": "Mug"}""");
        var theirButton = (await button.JsonAsync()).GetProperty("button_id").GetString()!;
        using var link = await otherClient.PostJsonAsync("/v1/payment_links", """{"product_name": "Tea", "amount": 1}""");
        var theirLink = (await link.JsonAsync()).GetProperty("payment_link_id").GetString()!;
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.TestKey);

        foreach (var (path, param, noun, theirs, none) in new[]
                 {
                     ("/v1/orders", "button_id", "button", theirButton, "btn_none"),
                     ("/v1/orders", "payment_link", "payment link", theirLink, "plink_none"),
                     ("/v1/refunds", "order_id", "order", theirOrder, "ord_none"),
                     ("/v1/payments", "order_id", "order", theirOrder, "ord_none"),
                 })
        {
            foreach (var id in new[] { none, theirs })
            {
                using var response = await client.GetAsync($"{path}?{param}={id}");
                var error = await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
                Assert.Equal($"No such {noun}: '{id}'.", error.GetProperty("message").GetString());
            }
        }
    }

    private static async Task<string[]> OrderIdsAsync(HttpClient client, string query) =>
        (await ListAsync(client, $"/v1/orders?{query}")).Select(o => o.GetProperty("order_id").GetString()!).ToArray();

    private static async Task<JsonElement[]> ListAsync(HttpClient client, string pathAndQuery)
    {
        using var response = await client.GetAsync(pathAndQuery);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{pathAndQuery}: {body}");
        return body.GetProperty("data").EnumerateArray().ToArray();
    }
}
