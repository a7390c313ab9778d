using System.Net;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Api;

[Collection(FluxAppCollection.Name)]
public sealed class OrdersApiTests(FluxAppFactory app)
{
    [Fact]
    public async Task Orders_list_newest_first_and_page_both_ways_without_overlap()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);
        var oldestFirst = new List<string>();
        for (var i = 1; i <= 5; i++)
            oldestFirst.Add((await client.CreateOrderAsync(i)).GetProperty("order_id").GetString()!);
        var created = Enumerable.Reverse(oldestFirst).ToArray();

        var first = await (await client.GetAsync("/v1/orders?limit=2")).JsonAsync();
        var second = await (await client.GetAsync($"/v1/orders?limit=2&starting_after={created[1]}")).JsonAsync();
        var last = await (await client.GetAsync($"/v1/orders?limit=2&starting_after={created[3]}")).JsonAsync();
        var back = await (await client.GetAsync($"/v1/orders?limit=2&ending_before={created[4]}")).JsonAsync();
        var all = await (await client.GetAsync("/v1/orders")).JsonAsync();

        Assert.Equal("list", first.GetProperty("object").GetString());
        Assert.Equal(created[..2], Ids(first));
        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.Equal(created[2..4], Ids(second));
        Assert.Equal(created[4..], Ids(last));
        Assert.False(last.GetProperty("has_more").GetBoolean());
        Assert.Equal(created[2..4], Ids(back));
        Assert.True(back.GetProperty("has_more").GetBoolean());
        Assert.Equal(created, Ids(all));
        Assert.False(all.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task An_order_reads_back_and_cancels_once()
    {
        var merchant = await app.NewApiMerchantAsync();
        var wallet = await app.AddUnwatchedWalletAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);
        var created = await client.CreateOrderAsync(12.3456789m, wallet);
        var id = created.GetProperty("order_id").GetString();

        var read = await (await client.GetAsync($"/v1/orders/{id}")).JsonAsync();
        using var cancel = await client.PostAsync($"/v1/orders/{id}/cancel", null);
        using var again = await client.PostAsync($"/v1/orders/{id}/cancel", null);

        Assert.Equal("12.3456789", read.GetProperty("amount").GetRawText());
        Assert.Equal(wallet, read.GetProperty("pay_to").GetString());
        Assert.Equal("PI", read.GetProperty("currency").GetString());
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("canceled", (await cancel.JsonAsync()).GetProperty("status").GetString());
        await again.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
    }

    [Theory]
    [InlineData("{\"amount\": 1e1}", "10.0")]
    [InlineData("{\"amount\": 10.50, \"currency\": \"pi\"}", "10.5")]
    [InlineData("{\"amount\": 0.0000001}", "0.0000001")]
    [InlineData("{\"amount\": 1000000000}", "1000000000.0")]
    [InlineData("{\"\\u0061mount\": 7}", "7.0")]
    public async Task Valid_amounts_are_kept_exactly(string body, string amount)
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);

        using var response = await client.PostJsonAsync("/v1/orders", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(amount, (await response.JsonAsync()).GetProperty("amount").GetRawText());
    }

    [Fact]
    public async Task Unicode_descriptions_round_trip()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);
        const string description = "Prämie 💸 — 日本語 ✓ \"quoted\" <b>";

        using var response = await client.PostJsonAsync("/v1/orders",
            System.Text.Json.JsonSerializer.Serialize(new { amount = 1, description }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(description, (await response.JsonAsync()).GetProperty("description").GetString());
    }

    [Fact]
    public async Task Without_any_wallet_the_error_names_merchant_wallet()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.TestKey);

        using var response = await client.PostJsonAsync("/v1/orders", "{\"amount\": 5}");

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "merchant_wallet");
    }

    private static string[] Ids(System.Text.Json.JsonElement list) =>
        list.GetProperty("data").EnumerateArray().Select(o => o.GetProperty("order_id").GetString()!).ToArray();
}
