using System.Net;
using System.Text.Json;
using Flux.Dashboard.Features.Buttons;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Buttons;

/// <summary><c>POST /v1/buttons/{id}</c>: a button changed, archived and restored, as Stripe updates and archives a product.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class ButtonUpdateApiTests(FluxAppFactory app) : IDisposable
{
    private readonly List<HttpClient> clients = [];

    public void Dispose() => clients.ForEach(c => c.Dispose());

    [Fact]
    public async Task An_update_changes_the_fields_given_and_keeps_the_others_and_the_snippet()
    {
        var (client, _) = await MerchantAsync();
        var created = await CreateAsync(client, """
            {"amount": 10, "label": "Buy the e-book", "style": {"color": "#ff0000", "shape": "pill"}, "success_url": "https://shop.example/thanks"}
            """);
        var id = created.GetProperty("button_id").GetString()!;

        using var response = await client.PostJsonAsync($"/v1/buttons/{id}", """
            {"label": "Tip the author", "product_name": "A tip", "amount_min": 1, "amount_max": 50, "style": {"size": "l"}, "expires_in": 3600}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var button = await response.JsonAsync();
        Assert.Equal("Tip the author", button.GetProperty("label").GetString());
        Assert.Equal("A tip", button.GetProperty("product_name").GetString());
        Assert.Equal(JsonValueKind.Null, button.GetProperty("amount").ValueKind);
        Assert.Equal(1m, button.GetProperty("amount_min").GetDecimal());
        Assert.Equal(50m, button.GetProperty("amount_max").GetDecimal());
        Assert.Equal("""{"color":"#ff0000","size":"l","shape":"pill","theme":"light"}""", button.GetProperty("style").GetRawText());
        Assert.Equal("https://shop.example/thanks", button.GetProperty("success_url").GetString());
        Assert.Equal(3600, button.GetProperty("expires_in").GetInt32());
        Assert.False(button.GetProperty("archived").GetBoolean());
        Assert.Equal(created.GetProperty("snippet").GetString(), button.GetProperty("snippet").GetString());
        var read = await (await client.GetAsync($"/v1/buttons/{id}")).JsonAsync();
        Assert.Equal(button.GetRawText(), read.GetRawText());
    }

    [Fact]
    public async Task Empty_strings_clear_the_product_name_and_success_url_and_null_the_lifetime()
    {
        var (client, _) = await MerchantAsync();
        var id = (await CreateAsync(client, """
            {"amount": 2, "product_name": "Tea", "success_url": "https://shop.example/thanks", "expires_in": 600}
            """)).GetProperty("button_id").GetString()!;

        var button = await (await client.PostJsonAsync($"/v1/buttons/{id}", """{"product_name": "", "success_url": "", "expires_in": null}""")).JsonAsync();

        Assert.Equal(JsonValueKind.Null, button.GetProperty("product_name").ValueKind);
        Assert.Equal(JsonValueKind.Null, button.GetProperty("success_url").ValueKind);
        Assert.Equal(JsonValueKind.Null, button.GetProperty("expires_in").ValueKind);
        Assert.Equal(2m, button.GetProperty("amount").GetDecimal());
    }

    [Theory]
    [InlineData("""{"amount": 0}""", "amount")]
    [InlineData("""{"amount": 5, "amount_min": 1}""", "amount")]
    [InlineData("""{"amount_min": 1}""", "amount_max")]
    [InlineData("""{"amount_min": 20, "amount_max": 10}""", "amount_max")]
    [InlineData("""{"expires_in": 59}""", "expires_in")]
    [InlineData("""{"expires_in": 604801}""", "expires_in")]
    [InlineData("""{"expires_in": "1h"}""", "expires_in")]
    [InlineData("""{"currency": "DOLLAR"}""", "currency")]
    [InlineData("""{"style": {"size": "xl"}}""", "style.size")]
    [InlineData("""{"success_url": "javascript:alert(1)"}""", "success_url")]
    [InlineData("""{"merchant_wallet": "GABC"}""", "merchant_wallet")]
    [InlineData("""{"archived": "yes"}""", "archived")]
    [InlineData("""{"lable": "Typo"}""", "lable")]
    [InlineData("""{"enabled": false}""", "enabled")]
    public async Task A_bad_change_is_refused_naming_the_field_and_changes_nothing(string body, string param)
    {
        var (client, _) = await MerchantAsync();
        var created = await CreateAsync(client, """{"amount": 3, "label": "Tea"}""");
        var id = created.GetProperty("button_id").GetString()!;

        using var response = await client.PostJsonAsync($"/v1/buttons/{id}", body);

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
        Assert.Equal(created.GetRawText(), (await (await client.GetAsync($"/v1/buttons/{id}")).JsonAsync()).GetRawText());
    }

    [Fact]
    public async Task A_product_name_longer_than_the_limit_is_refused()
    {
        var (client, _) = await MerchantAsync();
        var id = (await CreateAsync(client, """{"amount": 3}""")).GetProperty("button_id").GetString()!;

        using var response = await client.PostJsonAsync($"/v1/buttons/{id}",
            $$"""{"product_name": "{{new string('x', ButtonRules.MaxProductNameLength + 1)}}"}""");

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "product_name");
    }

    [Fact]
    public async Task Another_merchants_or_modes_button_cannot_be_updated()
    {
        var (client, merchant) = await MerchantAsync();
        var (other, _) = await MerchantAsync();
        var id = (await CreateAsync(client, """{"amount": 3}""")).GetProperty("button_id").GetString()!;

        using var byOther = await other.PostJsonAsync($"/v1/buttons/{id}", """{"archived": true}""");
        using var byLive = await Client(merchant.LiveKey).PostJsonAsync($"/v1/buttons/{id}", """{"label": "Live"}""");
        using var unknown = await client.PostJsonAsync("/v1/buttons/btn_nothing", """{"label": "x"}""");

        await byOther.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        await byLive.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        await unknown.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        Assert.False((await (await client.GetAsync($"/v1/buttons/{id}")).JsonAsync()).GetProperty("archived").GetBoolean());
    }

    [Fact]
    public async Task An_archived_button_leaves_the_default_list_refuses_orders_and_takes_them_again_once_restored()
    {
        var (client, _) = await MerchantAsync();
        var kept = (await CreateAsync(client, """{"amount": 1, "label": "Kept"}""")).GetProperty("button_id").GetString()!;
        var id = (await CreateAsync(client, """{"amount": 4, "label": "Old tea"}""")).GetProperty("button_id").GetString()!;
        var shop = Client(null);

        var archived = await (await client.PostJsonAsync($"/v1/buttons/{id}", """{"archived": true}""")).JsonAsync();
        var inUse = await (await client.GetAsync("/v1/buttons")).JsonAsync();
        var onlyArchived = await (await client.GetAsync("/v1/buttons?archived=true")).JsonAsync();
        var shown = await (await shop.GetAsync($"/v1/public/buttons/{id}")).JsonAsync();
        using var refused = await shop.PostJsonAsync($"/v1/public/buttons/{id}/orders", "{}");

        Assert.True(archived.GetProperty("archived").GetBoolean());
        Assert.Equal([kept], Ids(inUse));
        Assert.Equal([id], Ids(onlyArchived));
        Assert.True(shown.GetProperty("archived").GetBoolean());
        var error = await refused.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        Assert.Contains("no longer sold", error.GetProperty("message").GetString());
        var orders = await (await client.GetAsync($"/v1/orders?button_id={id}")).JsonAsync();
        Assert.Empty(orders.GetProperty("data").EnumerateArray());

        var restored = await (await client.PostJsonAsync($"/v1/buttons/{id}", """{"archived": false}""")).JsonAsync();
        using var started = await shop.PostJsonAsync($"/v1/public/buttons/{id}/orders", "{}");

        Assert.False(restored.GetProperty("archived").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal([id, kept], Ids(await (await client.GetAsync("/v1/buttons?archived=false")).JsonAsync()));
        Assert.Single((await (await client.GetAsync($"/v1/orders?button_id={id}")).JsonAsync()).GetProperty("data").EnumerateArray());
    }

    [Theory]
    [InlineData("archived=maybe")]
    [InlineData("archived=true&archived=false")]
    [InlineData("archive=true")]
    public async Task A_bad_archived_filter_is_refused_naming_it(string query)
    {
        var (client, _) = await MerchantAsync();

        using var response = await client.GetAsync($"/v1/buttons?{query}");

        var error = await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", anyParam: true);
        Assert.StartsWith("archive", error.GetProperty("param").GetString());
    }

    [Fact]
    public async Task An_update_replays_under_its_idempotency_key()
    {
        var (client, _) = await MerchantAsync();
        var id = (await CreateAsync(client, """{"amount": 3}""")).GetProperty("button_id").GetString()!;

        using var first = await PostWithKeyAsync(client, $"/v1/buttons/{id}", """{"label": "Once"}""", "update-1");
        await client.PostJsonAsync($"/v1/buttons/{id}", """{"label": "Later"}""");
        using var again = await PostWithKeyAsync(client, $"/v1/buttons/{id}", """{"label": "Once"}""", "update-1");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_buttons_order_is_for_its_product_and_waits_as_long_as_the_button_says()
    {
        var (client, _) = await MerchantAsync();
        var id = (await CreateAsync(client, """{"amount": 4, "label": "Buy", "product_name": "The Pi Handbook", "expires_in": 7200}""")).GetProperty("button_id").GetString()!;

        var order = await StartOrderAsync(client, id);

        Assert.Equal("The Pi Handbook", order.GetProperty("description").GetString());
        Assert.Equal(7200, Lifetime(order), tolerance: 1);
    }

    private async Task<JsonElement> StartOrderAsync(HttpClient merchant, string buttonId)
    {
        using var started = await Client(null).PostJsonAsync($"/v1/public/buttons/{buttonId}/orders", "{}");
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var orderId = (await started.JsonAsync()).GetProperty("order_id").GetString();
        return await (await merchant.GetAsync($"/v1/orders/{orderId}")).JsonAsync();
    }

    private static double Lifetime(JsonElement order) =>
        (order.GetProperty("expires_at").GetDateTimeOffset() - order.GetProperty("created_at").GetDateTimeOffset()).TotalSeconds;

    private static IEnumerable<string?> Ids(JsonElement list) =>
        list.GetProperty("data").EnumerateArray().Select(b => b.GetProperty("button_id").GetString());

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string path, string json, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private async Task<(HttpClient Client, ApiMerchant Merchant)> MerchantAsync()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        return (Client(merchant.TestKey), merchant);
    }

    private static async Task<JsonElement> CreateAsync(HttpClient client, string body)
    {
        using var response = await client.PostJsonAsync("/v1/buttons", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private HttpClient Client(string? key)
    {
        var client = app.ApiClient(key);
        clients.Add(client);
        return client;
    }
}
