using System.Net;
using System.Text.Json;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Features.Buttons;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Buttons;

/// <summary><c>/v1/buttons</c> for merchants and <c>/v1/public/buttons</c> for the embed script on any shop's page.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class ButtonsApiTests(FluxAppFactory app) : IDisposable
{
    private static readonly string[] PublicButtonFields =
        ["button_id", "label", "amount", "amount_min", "amount_max", "currency", "style", "success_url", "enabled", "archived", "livemode"];

    private static readonly string[] ButtonOrderFields =
    [
        "order_id", "status", "amount", "amount_received", "amount_due", "currency", "pay_to", "memo", "expires_at", "livemode",
        "transaction_hash", "checkout_url",
    ];

    private readonly List<HttpClient> clients = [];

    public void Dispose() => clients.ForEach(c => c.Dispose());

    [Fact]
    public async Task A_secret_key_creates_a_fixed_amount_button_with_its_snippet()
    {
        var (merchant, wallet) = await MerchantAsync();

        using var response = await Client(merchant.TestKey).PostJsonAsync("/v1/buttons", $$"""
            {"amount": 10.0, "label": "Buy the e-book", "merchant_wallet": "{{wallet}}",
             "style": {"color": "#FF0000", "size": "l", "shape": "pill", "theme": "dark"}, "success_url": "https://shop.example/thanks"}
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var button = await response.JsonAsync();
        var id = button.GetProperty("button_id").GetString()!;
        Assert.Matches("^btn_[0-9A-Za-z]+$", id);
        Assert.Equal($"/v1/buttons/{id}", response.Headers.Location?.ToString());
        Assert.Equal(10.0m, button.GetProperty("amount").GetDecimal());
        Assert.Equal(JsonValueKind.Null, button.GetProperty("amount_min").ValueKind);
        Assert.Equal("Buy the e-book", button.GetProperty("label").GetString());
        Assert.Equal(wallet, button.GetProperty("merchant_wallet").GetString());
        Assert.Equal("#ff0000", button.GetProperty("style").GetProperty("color").GetString());
        Assert.Equal("pill", button.GetProperty("style").GetProperty("shape").GetString());
        Assert.Equal("https://shop.example/thanks", button.GetProperty("success_url").GetString());
        Assert.True(button.GetProperty("enabled").GetBoolean());
        var flux = app.BaseAddress.ToString().TrimEnd('/');
        Assert.Equal($"""<script src="{flux}/embed/flux-button.js" async></script><div class="flux-button" data-button-id="{id}"></div>""",
            button.GetProperty("snippet").GetString());
    }

    [Fact]
    public async Task Buttons_are_listed_newest_first_and_read_by_id()
    {
        var (merchant, wallet) = await MerchantAsync();
        var client = Client(merchant.TestKey);
        var first = await CreateButtonAsync(client, $$"""{"amount": 1, "merchant_wallet": "{{wallet}}"}""");
        var second = await CreateButtonAsync(client, """{"amount_min": 1, "amount_max": 50, "label": "Tip"}""");

        var list = await (await client.GetAsync("/v1/buttons")).JsonAsync();
        using var one = await client.GetAsync($"/v1/buttons/{second}");

        Assert.Equal("list", list.GetProperty("object").GetString());
        Assert.Equal([second, first], list.GetProperty("data").EnumerateArray().Select(b => b.GetProperty("button_id").GetString()));
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var button = await one.JsonAsync();
        Assert.Equal(1m, button.GetProperty("amount_min").GetDecimal());
        Assert.Equal(50m, button.GetProperty("amount_max").GetDecimal());
        Assert.Equal(JsonValueKind.Null, button.GetProperty("amount").ValueKind);
        Assert.Equal(ButtonRules.DefaultLabel, (await (await client.GetAsync($"/v1/buttons/{first}")).JsonAsync()).GetProperty("label").GetString());
    }

    [Theory]
    [InlineData("""{"label": "No amount"}""", "amount")]
    [InlineData("""{"amount": 0}""", "amount")]
    [InlineData("""{"amount": 1.00000001}""", "amount")]
    [InlineData("""{"amount": 1000000001}""", "amount")]
    [InlineData("""{"amount": 5, "amount_min": 1, "amount_max": 10}""", "amount")]
    [InlineData("""{"amount_min": 1}""", "amount_max")]
    [InlineData("""{"amount_max": 10}""", "amount_min")]
    [InlineData("""{"amount_min": 10, "amount_max": 10}""", "amount_max")]
    [InlineData("""{"amount_min": 20, "amount_max": 10}""", "amount_max")]
    [InlineData("""{"amount_min": -1, "amount_max": 10}""", "amount_min")]
    [InlineData("""{"amount": 1, "style": {"color": "red"}}""", "style.color")]
    [InlineData("""{"amount": 1, "style": {"size": "xl"}}""", "style.size")]
    [InlineData("""{"amount": 1, "style": {"shape": "circle"}}""", "style.shape")]
    [InlineData("""{"amount": 1, "style": {"theme": "blue"}}""", "style.theme")]
    [InlineData("""{"amount": 1, "success_url": "javascript:alert(1)"}""", "success_url")]
    [InlineData("""{"amount": 1, "success_url": "ftp://shop.example/"}""", "success_url")]
    [InlineData("""{"amount": 1, "success_url": "/thanks"}""", "success_url")]
    [InlineData("""{"amount": 1, "currency": "DOLLAR"}""", "currency")]
    [InlineData("""{"amount": 1, "merchant_wallet": "GABC"}""", "merchant_wallet")]
    public async Task An_invalid_button_is_refused_with_the_field_named(string body, string param)
    {
        var (merchant, _) = await MerchantAsync();

        using var response = await Client(merchant.TestKey).PostJsonAsync("/v1/buttons", body);

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
    }

    [Fact]
    public async Task A_label_longer_than_the_limit_is_refused()
    {
        var (merchant, _) = await MerchantAsync();

        using var response = await Client(merchant.TestKey).PostJsonAsync("/v1/buttons",
            $$"""{"amount": 1, "label": "{{new string('x', ButtonRules.MaxLabelLength + 1)}}"}""");

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "label");
    }

    [Theory]
    [InlineData("other merchant")]
    [InlineData("other mode")]
    public async Task A_button_pays_only_a_wallet_of_the_keys_merchant_and_mode(string which)
    {
        var (merchant, _) = await MerchantAsync();
        var (_, otherWallet) = await MerchantAsync();
        var liveWallet = await app.AddUnwatchedWalletAsync(merchant.LiveScope);
        var wallet = which == "other merchant" ? otherWallet : liveWallet;

        using var response = await Client(merchant.TestKey).PostJsonAsync("/v1/buttons", $$"""{"amount": 1, "merchant_wallet": "{{wallet}}"}""");

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "merchant_wallet");
    }

    [Fact]
    public async Task A_test_key_can_name_the_sandbox_test_wallet_as_orders_allow()
    {
        var merchant = await app.NewApiMerchantAsync();

        var id = await CreateButtonAsync(Client(merchant.TestKey), $$"""{"amount": 10, "merchant_wallet": "{{SandboxTestWallet.Address}}"}""");

        var button = await (await Client(merchant.TestKey).GetAsync($"/v1/buttons/{id}")).JsonAsync();
        Assert.Equal(SandboxTestWallet.Address, button.GetProperty("merchant_wallet").GetString());
    }

    [Fact]
    public async Task Another_merchants_or_modes_button_is_not_found_and_not_listed()
    {
        var (merchant, wallet) = await MerchantAsync();
        var (other, _) = await MerchantAsync();
        var id = await CreateButtonAsync(Client(merchant.TestKey), $$"""{"amount": 1, "merchant_wallet": "{{wallet}}"}""");

        using var byOther = await Client(other.TestKey).GetAsync($"/v1/buttons/{id}");
        using var byLive = await Client(merchant.LiveKey).GetAsync($"/v1/buttons/{id}");
        var otherList = await (await Client(other.TestKey).GetAsync("/v1/buttons")).JsonAsync();
        using var byOtherPublishable = await Client(other.Test.Publishable.Secret).GetAsync($"/v1/public/buttons/{id}");
        using var orderByOtherPublishable = await Client(other.Test.Publishable.Secret).PostJsonAsync($"/v1/public/buttons/{id}/orders", "{}");

        await byOther.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        await byLive.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        Assert.Empty(otherList.GetProperty("data").EnumerateArray());
        await byOtherPublishable.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        await orderByOtherPublishable.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Fact]
    public async Task Anyone_reads_a_buttons_public_fields_and_nothing_of_the_merchant()
    {
        var (merchant, wallet) = await MerchantAsync();
        var id = await CreateButtonAsync(Client(merchant.TestKey), $$"""{"amount_min": 1, "amount_max": 5, "label": "Tip", "merchant_wallet": "{{wallet}}"}""");
        var browser = Client(null);
        browser.DefaultRequestHeaders.Add("Origin", "https://shop.example");

        using var response = await browser.GetAsync($"/v1/public/buttons/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var button = await response.JsonAsync();
        Assert.Equal(PublicButtonFields, button.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Tip", button.GetProperty("label").GetString());
        Assert.Equal(5m, button.GetProperty("amount_max").GetDecimal());
        Assert.True(button.GetProperty("enabled").GetBoolean());
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(merchant.MerchantId, text);
        Assert.DoesNotContain(wallet, text);
    }

    [Fact]
    public async Task A_fixed_button_starts_an_order_for_its_own_amount_without_a_key()
    {
        var (merchant, wallet) = await MerchantAsync();
        var id = await CreateButtonAsync(Client(merchant.TestKey), $$"""{"amount": 7.5, "label": "Tea", "merchant_wallet": "{{wallet}}"}""");

        using var response = await Client(null).PostAsync($"/v1/public/buttons/{id}/orders", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await response.JsonAsync();
        Assert.Equal(ButtonOrderFields, order.EnumerateObject().Select(p => p.Name));
        var orderId = order.GetProperty("order_id").GetString()!;
        Assert.Equal(7.5m, order.GetProperty("amount").GetDecimal());
        Assert.Equal(wallet, order.GetProperty("pay_to").GetString());
        Assert.Equal($"{app.BaseAddress.ToString().TrimEnd('/')}/checkout/{orderId}", order.GetProperty("checkout_url").GetString());
        var full = await (await Client(merchant.TestKey).GetAsync($"/v1/orders/{orderId}")).JsonAsync();
        Assert.Equal("Tea", full.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("7.5")]
    [InlineData("0.01")]
    [InlineData("1000")]
    public async Task A_fixed_button_refuses_an_amount_chosen_by_the_page(string amount)
    {
        var (merchant, wallet) = await MerchantAsync();
        var id = await CreateButtonAsync(Client(merchant.TestKey), $$"""{"amount": 7.5, "merchant_wallet": "{{wallet}}"}""");

        using var response = await Client(null).PostJsonAsync($"/v1/public/buttons/{id}/orders", $$"""{"amount": {{amount}}}""");

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "amount");
        Assert.Empty((await (await Client(merchant.TestKey).GetAsync("/v1/orders")).JsonAsync()).GetProperty("data").EnumerateArray());
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("3.1234567", true)]
    [InlineData("5", true)]
    [InlineData("0.9999999", false)]
    [InlineData("5.0000001", false)]
    [InlineData("-2", false)]
    [InlineData("null", false)]
    public async Task A_customer_entered_amount_must_lie_within_the_buttons_bounds(string amount, bool accepted)
    {
        var (merchant, wallet) = await MerchantAsync();
        var id = await CreateButtonAsync(Client(merchant.TestKey), $$"""{"amount_min": 1, "amount_max": 5, "merchant_wallet": "{{wallet}}"}""");

        using var response = await Client(null).PostJsonAsync($"/v1/public/buttons/{id}/orders", $$"""{"amount": {{amount}}}""");

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), (await response.JsonAsync()).GetProperty("amount").GetDecimal());
        }
        else
        {
            await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "amount");
        }
    }

    [Fact]
    public async Task A_disabled_button_shows_as_disabled_and_starts_no_order()
    {
        var (merchant, wallet) = await MerchantAsync();
        var id = await CreateButtonAsync(Client(merchant.TestKey), $$"""{"amount": 1, "merchant_wallet": "{{wallet}}"}""");
        await app.Services.GetRequiredService<ButtonService>().SetEnabledAsync(merchant.TestScope, id, false);

        var button = await (await Client(null).GetAsync($"/v1/public/buttons/{id}")).JsonAsync();
        using var order = await Client(null).PostAsync($"/v1/public/buttons/{id}/orders", null);

        Assert.False(button.GetProperty("enabled").GetBoolean());
        await order.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        Assert.Empty((await (await Client(merchant.TestKey).GetAsync("/v1/orders")).JsonAsync()).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_button_is_404_in_the_error_shape()
    {
        using var read = await Client(null).GetAsync("/v1/public/buttons/btn_doesnotexist");
        using var order = await Client(null).PostAsync("/v1/public/buttons/btn_doesnotexist/orders", null);
        using var secret = await Client((await app.NewApiMerchantAsync()).TestKey).GetAsync("/v1/buttons/btn_doesnotexist");

        await read.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        await order.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        await secret.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Fact]
    public async Task A_secret_key_is_refused_by_the_public_button_endpoints()
    {
        var (merchant, wallet) = await MerchantAsync();
        var id = await CreateButtonAsync(Client(merchant.TestKey), $$"""{"amount": 1, "merchant_wallet": "{{wallet}}"}""");

        using var read = await Client(merchant.TestKey).GetAsync($"/v1/public/buttons/{id}");
        using var order = await Client(merchant.TestKey).PostAsync($"/v1/public/buttons/{id}/orders", null);

        await read.AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
        await order.AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
    }

    [Fact]
    public async Task A_buttons_figures_count_its_orders_the_confirmed_ones_and_the_pi_received()
    {
        var merchant = await app.NewApiMerchantAsync();
        var secret = Client(merchant.TestKey);
        var id = await CreateButtonAsync(secret, $$"""{"amount": 3, "merchant_wallet": "{{SandboxTestWallet.Address}}"}""");
        var paid = (await (await Client(null).PostAsync($"/v1/public/buttons/{id}/orders", null)).JsonAsync()).GetProperty("order_id").GetString();
        using (var unpaid = await Client(null).PostAsync($"/v1/public/buttons/{id}/orders", null))
            Assert.Equal(HttpStatusCode.Created, unpaid.StatusCode);
        await secret.CreateOrderAsync(1m, SandboxTestWallet.Address);

        using (var payment = await secret.PostJsonAsync("/v1/sandbox/payments", $$"""{"order_id": "{{paid}}"}"""))
            Assert.Equal(HttpStatusCode.Created, payment.StatusCode);

        var buttons = app.Services.GetRequiredService<ButtonService>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        ButtonFigures figures;
        do
        {
            figures = (await buttons.FiguresAsync(merchant.TestScope)).GetValueOrDefault(id) ?? ButtonFigures.None;
            if (figures.OrdersConfirmed == 1)
                break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        Assert.Equal(new ButtonFigures(2, 1, 3m), figures);
    }

    [Fact]
    public async Task The_button_endpoints_are_in_the_api_reference()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(await Client(null).GetStringAsync("/openapi/v1.json"))!;

        var paths = document["paths"]!;
        Assert.NotNull(paths["/v1/buttons"]!["post"]);
        Assert.NotNull(paths["/v1/buttons"]!["get"]);
        Assert.NotNull(paths["/v1/buttons/{buttonId}"]!["get"]);
        Assert.NotNull(paths["/v1/public/buttons/{buttonId}"]!["get"]);
        Assert.Contains(paths["/v1/public/buttons/{buttonId}/orders"]!["post"]!["security"]!.AsArray(), r => r!.AsObject().Count == 0);
    }

    private async Task<(ApiMerchant Merchant, string Wallet)> MerchantAsync()
    {
        var merchant = await app.NewApiMerchantAsync();
        return (merchant, await app.AddUnwatchedWalletAsync(merchant.TestScope));
    }

    private static async Task<string> CreateButtonAsync(HttpClient client, string body)
    {
        using var response = await client.PostJsonAsync("/v1/buttons", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("button_id").GetString()!;
    }

    private HttpClient Client(string? key)
    {
        var client = app.ApiClient(key);
        clients.Add(client);
        return client;
    }
}
