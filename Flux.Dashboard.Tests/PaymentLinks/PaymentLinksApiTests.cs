using System.Net;
using System.Text.Json;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.PaymentLinks;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.PaymentLinks;

/// <summary><c>/v1/payment_links</c>: create, list, retrieve and deactivate, scoped to the key's merchant and mode, and the orders of a link.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class PaymentLinksApiTests(FluxAppFactory app) : IDisposable
{
    private readonly List<HttpClient> clients = [];

    public void Dispose() => clients.ForEach(c => c.Dispose());

    private PaymentLinkService Links => app.Services.GetRequiredService<PaymentLinkService>();

    [Fact]
    public async Task A_secret_key_creates_a_link_and_reads_it_back_with_its_url()
    {
        var (merchant, wallet) = await MerchantAsync();

        using var response = await Client(merchant.TestKey).PostJsonAsync("/v1/payment_links", $$"""
            {"product_name": "Flat white", "amount": 2.5, "quantity_adjustable": true, "merchant_wallet": "{{wallet}}",
             "success_url": "https://shop.example/thanks", "expires_in": 900}
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var link = await response.JsonAsync();
        var id = link.GetProperty("payment_link_id").GetString()!;
        Assert.Matches("^plink_[0-9A-Za-z]{20}$", id);
        Assert.Equal($"/v1/payment_links/{id}", response.Headers.Location?.ToString());
        Assert.Equal("Flat white", link.GetProperty("product_name").GetString());
        Assert.Equal(2.5m, link.GetProperty("amount").GetDecimal());
        Assert.Equal("PI", link.GetProperty("currency").GetString());
        Assert.True(link.GetProperty("quantity_adjustable").GetBoolean());
        Assert.Equal(wallet, link.GetProperty("merchant_wallet").GetString());
        Assert.Equal(900, link.GetProperty("expires_in").GetInt32());
        Assert.True(link.GetProperty("active").GetBoolean());
        Assert.False(link.GetProperty("livemode").GetBoolean());
        Assert.Equal($"{app.BaseAddress.ToString().TrimEnd('/')}/pay/{id}", link.GetProperty("url").GetString());
        var read = await (await Client(merchant.TestKey).GetAsync($"/v1/payment_links/{id}")).JsonAsync();
        Assert.Equal(link.ToString(), read.ToString());
    }

    [Fact]
    public async Task Links_are_listed_newest_first_and_paged()
    {
        var (merchant, _) = await MerchantAsync();
        var client = Client(merchant.TestKey);
        var first = await CreateLinkAsync(client, """{"product_name": "Tea", "amount": 1}""");
        var second = await CreateLinkAsync(client, """{"product_name": "Ticket", "amount": 4.99, "currency": "usd"}""");

        var list = await (await client.GetAsync("/v1/payment_links")).JsonAsync();
        var page = await (await client.GetAsync("/v1/payment_links?limit=1")).JsonAsync();
        var next = await (await client.GetAsync($"/v1/payment_links?limit=1&starting_after={second}")).JsonAsync();

        Assert.Equal("list", list.GetProperty("object").GetString());
        Assert.Equal([second, first], list.GetProperty("data").EnumerateArray().Select(l => l.GetProperty("payment_link_id").GetString()));
        Assert.Equal("USD", list.GetProperty("data")[0].GetProperty("currency").GetString());
        Assert.True(page.GetProperty("has_more").GetBoolean());
        Assert.Equal(first, Assert.Single(next.GetProperty("data").EnumerateArray()).GetProperty("payment_link_id").GetString());
    }

    [Theory]
    [InlineData("""{"amount": 1}""", "product_name")]
    [InlineData("""{"product_name": "   ", "amount": 1}""", "product_name")]
    [InlineData("""{"product_name": "Tea"}""", "amount")]
    [InlineData("""{"product_name": "Tea", "amount": 0}""", "amount")]
    [InlineData("""{"product_name": "Tea", "amount": 1.00000001}""", "amount")]
    [InlineData("""{"product_name": "Tea", "amount": 1.12345, "currency": "USD"}""", "amount")]
    [InlineData("""{"product_name": "Tea", "amount": 1, "currency": "DOLLAR"}""", "currency")]
    [InlineData("""{"product_name": "Tea", "amount": 1, "success_url": "javascript:alert(1)"}""", "success_url")]
    [InlineData("""{"product_name": "Tea", "amount": 1, "success_url": "/thanks?order={ORDER_ID}"}""", "success_url")]
    [InlineData("""{"product_name": "Tea", "amount": 1, "expires_in": 59}""", "expires_in")]
    [InlineData("""{"product_name": "Tea", "amount": 1, "expires_in": 604801}""", "expires_in")]
    [InlineData("""{"product_name": "Tea", "amount": 1, "merchant_wallet": "GABC"}""", "merchant_wallet")]
    [InlineData("""{"product_name": "Tea", "amount": 1, "quantity_adjustable": "yes"}""", "quantity_adjustable")]
    [InlineData("""{"product_name": "Tea", "amount": 1, "price": 1}""", "price")]
    public async Task An_invalid_link_is_refused_with_the_field_named(string body, string param)
    {
        var (merchant, _) = await MerchantAsync();

        using var response = await Client(merchant.TestKey).PostJsonAsync("/v1/payment_links", body);

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
        Assert.Empty((await (await Client(merchant.TestKey).GetAsync("/v1/payment_links")).JsonAsync()).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task A_merchant_without_a_wallet_is_told_to_name_one()
    {
        var merchant = await app.NewApiMerchantAsync();

        using var response = await Client(merchant.TestKey).PostJsonAsync("/v1/payment_links", """{"product_name": "Tea", "amount": 1}""");

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "merchant_wallet");
    }

    [Fact]
    public async Task Another_merchants_link_and_the_other_modes_are_not_found()
    {
        var (merchant, _) = await MerchantAsync();
        var (other, _) = await MerchantAsync();
        var id = await CreateLinkAsync(Client(merchant.TestKey), """{"product_name": "Tea", "amount": 1}""");

        using var byOther = await Client(other.TestKey).GetAsync($"/v1/payment_links/{id}");
        using var deactivateByOther = await Client(other.TestKey).PostJsonAsync($"/v1/payment_links/{id}", """{"active": false}""");
        using var byLive = await Client(merchant.LiveKey).GetAsync($"/v1/payment_links/{id}");
        var otherList = await (await Client(other.TestKey).GetAsync("/v1/payment_links")).JsonAsync();
        var liveList = await (await Client(merchant.LiveKey).GetAsync("/v1/payment_links")).JsonAsync();

        await byOther.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        await deactivateByOther.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        await byLive.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        Assert.Empty(otherList.GetProperty("data").EnumerateArray());
        Assert.Empty(liveList.GetProperty("data").EnumerateArray());
        Assert.True((await Links.FindPublicAsync(id))!.Active);
    }

    [Fact]
    public async Task A_deactivated_link_starts_no_orders_and_its_page_is_gone()
    {
        var (merchant, _) = await MerchantAsync();
        var client = Client(merchant.TestKey);
        var id = await CreateLinkAsync(client, """{"product_name": "Tea", "amount": 1}""");

        using var nothing = await client.PostJsonAsync($"/v1/payment_links/{id}", "{}");
        using var deactivated = await client.PostJsonAsync($"/v1/payment_links/{id}", """{"active": false}""");
        var order = await Links.CreateOrderAsync(id, 1, null);
        using var page = await Client(null).GetAsync($"/pay/{id}");
        using var unknown = await Client(null).GetAsync("/pay/plink_doesnotexist");

        await nothing.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "active");
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.False((await deactivated.JsonAsync()).GetProperty("active").GetBoolean());
        Assert.Equal(Common.ServiceFailure.NotFound, order.Failure);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("no longer available", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty((await (await client.GetAsync("/v1/orders")).JsonAsync()).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task A_customer_on_the_links_page_starts_an_order_that_the_link_filter_lists()
    {
        var (merchant, _) = await MerchantAsync();
        var client = Client(merchant.TestKey);
        var id = await CreateLinkAsync(client, """{"product_name": "Flat white", "amount": 2.5, "quantity_adjustable": true, "expires_in": 600}""");
        await CreateLinkAsync(client, """{"product_name": "Other", "amount": 1}""");
        using var customer = app.FormClient();

        var page = await customer.GetStringAsync($"/pay/{id}");
        using var proceed = await customer.PostFormAsync($"/pay/{id}", "pay", new()
        {
            ["Input.Quantity"] = "3",
            ["Input.Email"] = "buyer@example.com",
        }, page);

        Assert.Contains("Flat white", page);
        Assert.Equal("2.5 Pi", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page).QuerySelector("[data-testid='pay-price']")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, proceed.StatusCode);
        var orderId = proceed.Headers.Location!.AbsolutePath.Split('/')[^1];
        var listed = await (await client.GetAsync($"/v1/orders?payment_link={id}")).JsonAsync();
        var order = Assert.Single(listed.GetProperty("data").EnumerateArray());
        Assert.Equal(orderId, order.GetProperty("order_id").GetString());
        Assert.Equal(7.5m, order.GetProperty("amount").GetDecimal());
        Assert.Equal("Flat white × 3", order.GetProperty("description").GetString());
        Assert.Equal(id, order.GetProperty("payment_link").GetString());
        Assert.Equal("buyer@example.com", order.GetProperty("customer_email").GetString());
        Assert.Equal(TimeSpan.FromSeconds(600), order.GetProperty("expires_at").GetDateTimeOffset() - order.GetProperty("created_at").GetDateTimeOffset());
    }

    [Theory]
    [InlineData(0, "quantity")]
    [InlineData(100, "quantity")]
    public async Task A_quantity_outside_the_links_range_is_refused(int quantity, string field)
    {
        var (merchant, _) = await MerchantAsync();
        var adjustable = await CreateLinkAsync(Client(merchant.TestKey), """{"product_name": "Tea", "amount": 1, "quantity_adjustable": true}""");
        var fixedOne = await CreateLinkAsync(Client(merchant.TestKey), """{"product_name": "Tea", "amount": 1}""");

        var refused = await Links.CreateOrderAsync(adjustable, quantity, null);
        var refusedByFixed = await Links.CreateOrderAsync(fixedOne, 2, null);
        var badEmail = await Links.CreateOrderAsync(fixedOne, 1, "not an address");

        Assert.Equal(field, refused.Error!.Field);
        Assert.Equal("quantity", refusedByFixed.Error!.Field);
        Assert.Equal("customer_email", badEmail.Error!.Field);
    }

    [Fact]
    public async Task A_link_priced_in_a_currency_locks_each_orders_price()
    {
        var (merchant, _) = await MerchantAsync();
        await app.Services.GetRequiredService<FixedRates>().SetAsync(merchant.MerchantId, "USD", 0.5m);
        var id = await CreateLinkAsync(Client(merchant.TestKey), """{"product_name": "Ticket", "amount": 4.99, "currency": "USD", "quantity_adjustable": true}""");

        var order = (await Links.CreateOrderAsync(id, 2, null)).Value!;

        Assert.Equal(19.96m, order.Amount);
        Assert.Equal(9.98m, order.PriceAmount);
        Assert.Equal("USD", order.PriceCurrency);
        Assert.Equal(id, order.PaymentLinkId);
    }

    [Fact]
    public async Task An_invalid_customer_email_on_an_order_is_refused()
    {
        var (merchant, wallet) = await MerchantAsync();

        using var response = await Client(merchant.TestKey).PostJsonAsync("/v1/orders",
            $$"""{"amount": 1, "merchant_wallet": "{{wallet}}", "customer_email": "buyer@"}""");

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "customer_email");
    }

    private async Task<(ApiMerchant Merchant, string Wallet)> MerchantAsync()
    {
        var merchant = await app.NewApiMerchantAsync();
        return (merchant, await app.AddUnwatchedWalletAsync(merchant.TestScope));
    }

    /// <summary>Creates a link through the API and gives its id.</summary>
    internal static async Task<string> CreateLinkAsync(HttpClient client, string body)
    {
        using var response = await client.PostJsonAsync("/v1/payment_links", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("payment_link_id").GetString()!;
    }

    private HttpClient Client(string? key)
    {
        var client = app.ApiClient(key);
        clients.Add(client);
        return client;
    }
}
