using System.Net;
using System.Text.Json;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Wallets;

/// <summary>
/// <c>/v1/wallets</c> (issue #27 item 7): a merchant registers the wallets <c>merchant_wallet</c> names without the
/// dashboard, under the dashboard's rules.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class WalletsApiTests(FluxAppFactory app)
{
    [Fact]
    public async Task A_wallet_registered_over_the_api_is_one_an_order_can_name()
    {
        using var client = app.ApiClient((await app.NewApiMerchantAsync()).TestKey);
        var address = TestAddresses.Random();

        using var created = await client.PostJsonAsync("/v1/wallets", $$"""{"address": "{{address}}", "label": "Till"}""");
        var wallet = await created.JsonAsync();
        var id = wallet.GetProperty("id").GetString()!;
        var order = await client.CreateOrderAsync(3m, address);
        var read = await (await client.GetAsync($"/v1/wallets/{id}")).JsonAsync();
        var list = await (await client.GetAsync("/v1/wallets")).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/v1/wallets/{id}", created.Headers.Location?.OriginalString);
        Assert.StartsWith("wal_", id);
        Assert.Equal("wallet", wallet.GetProperty("object").GetString());
        Assert.Equal(address, wallet.GetProperty("address").GetString());
        Assert.Equal("Till", wallet.GetProperty("label").GetString());
        Assert.True(wallet.GetProperty("default").GetBoolean());
        Assert.Equal(ChainNetworkNames.Sandbox, wallet.GetProperty("network").GetString());
        Assert.False(wallet.GetProperty("livemode").GetBoolean());
        Assert.Equal(address, order.GetProperty("pay_to").GetString());
        Assert.True(JsonElement.DeepEquals(wallet, read));
        Assert.True(JsonElement.DeepEquals(wallet, Assert.Single(list.GetProperty("data").EnumerateArray())));
    }

    public static TheoryData<string, string> RefusedWallets() => new()
    {
        { """{"label": "Till"}""", "address" },
        { """{"address": ""}""", "address" },
        { """{"address": "GABC"}""", "address" },
        { """{"address": "SBK2VIYYSVG76E7VC3QHYARNFLY2EAQXDHRC7BMXBBGIFG74ARPRMNQM"}""", "address" },
        { $$"""{"address": "{{TestAddresses.Random()}}", "label": "{{new string('x', 101)}}"}""", "label" },
        { $$"""{"address": "{{TestAddresses.Random()}}", "lable": "Till"}""", "lable" },
        { $$"""{"address": "{{TestAddresses.Random()}}", "default": "yes"}""", "default" },
    };

    [Theory]
    [MemberData(nameof(RefusedWallets))]
    public async Task A_wallet_the_dashboard_would_refuse_is_400_naming_the_field(string body, string param)
    {
        using var client = app.ApiClient((await app.NewApiMerchantAsync()).TestKey);

        using var response = await client.PostJsonAsync("/v1/wallets", body);

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
        Assert.Empty((await (await client.GetAsync("/v1/wallets")).JsonAsync()).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task A_checksum_typo_and_a_wallet_registered_already_are_named_as_such()
    {
        using var client = app.ApiClient((await app.NewApiMerchantAsync()).TestKey);
        var address = TestAddresses.Random();
        using var first = await client.PostJsonAsync("/v1/wallets", $$"""{"address": "{{address}}"}""");

        using var again = await client.PostJsonAsync("/v1/wallets", $$"""{"address": "{{address}}"}""");
        using var typo = await client.PostJsonAsync("/v1/wallets", $$"""{"address": "{{address[..^1]}}{{(address[^1] == 'A' ? 'B' : 'A')}}"}""");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Contains("already registered", (await again.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "address")).GetProperty("message").GetString());
        Assert.Contains("checksum", (await typo.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "address")).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Updating_relabels_and_moves_the_default_and_a_default_cannot_just_stop_being_one()
    {
        using var client = app.ApiClient((await app.NewApiMerchantAsync()).TestKey);
        var first = await CreateAsync(client, "Till");
        var second = await CreateAsync(client, "Web");

        using var moved = await client.PostJsonAsync($"/v1/wallets/{second}", """{"default": true, "label": "Web shop"}""");
        using var cleared = await client.PostJsonAsync($"/v1/wallets/{first}", """{"label": "", "default": false}""");
        using var refused = await client.PostJsonAsync($"/v1/wallets/{second}", """{"default": false}""");

        var web = await moved.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.True(web.GetProperty("default").GetBoolean());
        Assert.Equal("Web shop", web.GetProperty("label").GetString());
        var till = await cleared.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.False(till.GetProperty("default").GetBoolean());
        Assert.Equal(JsonValueKind.Null, till.GetProperty("label").ValueKind);
        await refused.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "default");
        Assert.True((await (await client.GetAsync($"/v1/wallets/{second}")).JsonAsync()).GetProperty("default").GetBoolean());
    }

    [Fact]
    public async Task Deleting_takes_a_wallet_out_of_use_keeps_its_history_and_registering_it_again_restores_it()
    {
        using var client = app.ApiClient((await app.NewApiMerchantAsync()).TestKey);
        var till = await CreateAsync(client, "Till");
        var web = await CreateAsync(client, "Web");
        var tillAddress = (await (await client.GetAsync($"/v1/wallets/{till}")).JsonAsync()).GetProperty("address").GetString()!;
        var paidIntoTill = (await client.CreateOrderAsync(2m, tillAddress)).GetProperty("order_id").GetString();

        using var deleted = await client.DeleteAsync($"/v1/wallets/{till}");
        using var gone = await client.GetAsync($"/v1/wallets/{till}");
        using var orderToIt = await client.PostJsonAsync("/v1/orders", $$"""{"amount": 1, "merchant_wallet": "{{tillAddress}}"}""");
        var history = await (await client.GetAsync($"/v1/orders/{paidIntoTill}")).JsonAsync();
        var remaining = await (await client.GetAsync("/v1/wallets")).JsonAsync();
        using var restored = await client.PostJsonAsync("/v1/wallets", $$"""{"address": "{{tillAddress}}"}""");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var answer = await deleted.JsonAsync();
        Assert.Equal(till, answer.GetProperty("id").GetString());
        Assert.True(answer.GetProperty("deleted").GetBoolean());
        await gone.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        await orderToIt.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "merchant_wallet");
        Assert.Equal(tillAddress, history.GetProperty("pay_to").GetString());
        var left = Assert.Single(remaining.GetProperty("data").EnumerateArray());
        Assert.Equal(web, left.GetProperty("id").GetString());
        Assert.True(left.GetProperty("default").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, restored.StatusCode);
        Assert.Equal(till, (await restored.JsonAsync()).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task A_wallet_of_another_merchant_or_mode_is_404(string method)
    {
        var merchant = await app.NewApiMerchantAsync();
        using var owner = app.ApiClient(merchant.TestKey);
        var id = await CreateAsync(owner, "Till");
        using var live = app.ApiClient(merchant.LiveKey);
        using var stranger = app.ApiClient((await app.NewApiMerchantAsync()).TestKey);

        foreach (var client in new[] { live, stranger })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/v1/wallets/{id}")
            {
                Content = method == "POST" ? new StringContent("""{"label": "Mine"}""", System.Text.Encoding.UTF8, "application/json") : null,
            });
            await response.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        }
        Assert.Equal("Till", (await (await owner.GetAsync($"/v1/wallets/{id}")).JsonAsync()).GetProperty("label").GetString());
    }

    private static async Task<string> CreateAsync(HttpClient client, string label)
    {
        using var response = await client.PostJsonAsync("/v1/wallets", $$"""{"address": "{{TestAddresses.Random()}}", "label": "{{label}}"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }
}
