using System.Net;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Rates;

/// <summary>Order buttons priced in the merchant's currency: each customer's order locks the price into Pi when it starts.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class FiatButtonsTests(FluxAppFactory app)
{
    [Fact]
    public async Task A_dollar_button_shows_its_price_and_each_order_from_it_locks_the_price_into_pi()
    {
        using var client = await MerchantWithRateAsync("USD", 0.325531m);
        using var created = await client.PostJsonAsync("/v1/buttons", """{"amount": 4.99, "currency": "usd", "label": "Buy tea"}""");
        var button = await created.JsonAsync();
        var id = button.GetProperty("button_id").GetString();
        using var anonymous = app.CreateClient();

        var shown = await (await anonymous.GetAsync($"/v1/public/buttons/{id}")).JsonAsync();
        using var started = await anonymous.PostJsonAsync($"/v1/public/buttons/{id}/orders", "{}");
        var orderId = (await started.JsonAsync()).GetProperty("order_id").GetString();
        var order = await (await client.GetAsync($"/v1/orders/{orderId}")).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("USD", button.GetProperty("currency").GetString());
        Assert.Equal("USD", shown.GetProperty("currency").GetString());
        Assert.Equal("4.99", shown.GetProperty("amount").GetRawText());
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal("15.3288013", order.GetProperty("amount").GetRawText());
        Assert.Equal("""{"amount":4.99,"currency":"USD"}""", order.GetProperty("price").GetRawText());
    }

    [Fact]
    public async Task A_customer_enters_a_euro_amount_within_the_bounds_and_the_rate_turns_it_into_pi()
    {
        using var client = await MerchantWithRateAsync("EUR", 0.3m);
        using var created = await client.PostJsonAsync("/v1/buttons", """{"amount_min": 1, "amount_max": 50, "currency": "EUR"}""");
        var id = (await created.JsonAsync()).GetProperty("button_id").GetString();
        using var anonymous = app.CreateClient();

        using var within = await anonymous.PostJsonAsync($"/v1/public/buttons/{id}/orders", """{"amount": 10}""");
        using var above = await anonymous.PostJsonAsync($"/v1/public/buttons/{id}/orders", """{"amount": 60}""");

        Assert.Equal("33.3333334", (await within.JsonAsync()).GetProperty("amount").GetRawText());
        var error = await above.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "amount");
        Assert.EndsWith(" EUR.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Without_a_rate_a_customer_is_told_the_button_cannot_price_the_order_now()
    {
        using var client = await MerchantWithRateAsync("EUR", 0.3m);
        using var created = await client.PostJsonAsync("/v1/buttons", """{"amount": 5, "currency": "GBP"}""");
        var id = (await created.JsonAsync()).GetProperty("button_id").GetString();

        using var started = await app.CreateClient().PostJsonAsync($"/v1/public/buttons/{id}/orders", "{}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await started.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "currency");
    }

    [Theory]
    [InlineData("""{"amount": 4.99999, "currency": "USD"}""", "amount")]
    [InlineData("""{"amount_min": 1, "amount_max": 0.00001, "currency": "USD"}""", "amount_max")]
    [InlineData("""{"amount": 5, "currency": "DOLLAR"}""", "currency")]
    public async Task A_button_with_a_bad_price_or_currency_is_refused_naming_the_field(string body, string param)
    {
        using var client = await MerchantWithRateAsync("USD", 0.3m);

        using var response = await client.PostJsonAsync("/v1/buttons", body);

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
    }

    /// <summary>A test key's client for a new merchant with a wallet and a fixed rate for <paramref name="currency"/>.</summary>
    private async Task<HttpClient> MerchantWithRateAsync(string currency, decimal rate)
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        Assert.Empty(await app.Services.GetRequiredService<FixedRates>().SetAsync(merchant.MerchantId, currency, rate));
        return app.ApiClient(merchant.TestKey);
    }
}
