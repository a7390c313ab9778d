using System.Net;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Rates;

/// <summary>Orders priced in the merchant's currency: locked into Pi at the merchant's fixed rate, paid and confirmed in Pi.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class FiatOrdersTests(FluxAppFactory app)
{
    private FixedRates Rates => app.Services.GetRequiredService<FixedRates>();

    [Fact]
    public async Task A_price_in_usd_is_locked_into_pi_and_kept_on_the_order_whatever_the_rate_does_next()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        Assert.Empty(await Rates.SetAsync(merchant.MerchantId, "usd", 0.325531m));
        using var client = app.ApiClient(merchant.TestKey);

        using var created = await client.PostJsonAsync("/v1/orders", """{"amount": 4.99, "currency": "USD", "description": "Tea"}""");
        var order = await created.JsonAsync();
        var id = order.GetProperty("order_id").GetString()!;
        Assert.Empty(await Rates.SetAsync(merchant.MerchantId, "USD", 0.5m));
        var read = await (await client.GetAsync($"/v1/orders/{id}")).JsonAsync();
        var checkout = await (await app.CreateClient().GetAsync($"/checkout/{id}")).Content.ReadAsStringAsync();
        var publicOrder = await (await app.CreateClient().GetAsync($"/v1/public/orders/{id}")).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        foreach (var answer in new[] { order, read })
        {
            Assert.Equal("15.3288013", answer.GetProperty("amount").GetRawText());
            Assert.Equal("PI", answer.GetProperty("currency").GetString());
            Assert.Equal("""{"amount":4.99,"currency":"USD"}""", answer.GetProperty("price").GetRawText());
            var rate = answer.GetProperty("rate");
            Assert.Equal("0.325531", rate.GetProperty("value").GetRawText());
            Assert.Equal("fixed", rate.GetProperty("source").GetString());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", rate.GetProperty("as_of").GetString());
        }
        Assert.Contains("4.99 USD = 15.3288013 Pi", checkout);
        Assert.Equal("15.3288013", publicOrder.GetProperty("amount").GetRawText());
        Assert.Equal("USD", publicOrder.GetProperty("price").GetProperty("currency").GetString());
    }

    [Fact]
    public async Task A_fiat_order_paid_in_the_sandbox_is_confirmed_on_its_pi_amount()
    {
        var merchant = await app.NewApiMerchantAsync();
        Assert.Empty(await Rates.SetAsync(merchant.MerchantId, "EUR", 0.3m));
        using var client = app.ApiClient(merchant.TestKey);
        using var created = await client.PostJsonAsync("/v1/orders",
            $$"""{"amount": 10, "currency": "eur", "merchant_wallet": "{{SandboxTestWallet.Address}}"}""");
        var id = (await created.JsonAsync()).GetProperty("order_id").GetString()!;

        using var paid = await client.PostJsonAsync("/v1/sandbox/payments", $$"""{"order_id": "{{id}}"}""");
        var confirmed = await client.WaitForOrderStatusAsync(id, "confirmed");

        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        Assert.Equal("33.3333334", (await paid.JsonAsync()).GetProperty("amount").GetRawText());
        Assert.Equal("33.3333334", confirmed.GetProperty("amount_received").GetRawText());
        Assert.Equal("0.0", confirmed.GetProperty("amount_due").GetRawText());
        Assert.False(confirmed.GetProperty("overpaid").GetBoolean());
        Assert.Equal("EUR", confirmed.GetProperty("price").GetProperty("currency").GetString());
    }

    [Theory]
    [InlineData("""{"amount": 4.99, "currency": "USD"}""", "currency")]        // no USD rate for this merchant
    [InlineData("""{"amount": 4.99, "currency": "GBP"}""", "currency")]        // another merchant's GBP rate is not this one's
    [InlineData("""{"amount": 4.99, "currency": "US"}""", "currency")]
    [InlineData("""{"amount": 4.99, "currency": ""}""", "currency")]
    [InlineData("""{"amount": 4.99999, "currency": "CHF"}""", "amount")]
    [InlineData("""{"amount": 0, "currency": "CHF"}""", "amount")]
    [InlineData("""{"currency": "CHF"}""", "amount")]
    [InlineData("""{"amount": 1000000000, "currency": "CHF"}""", "amount")]  // 2,000,000,000 Pi: more than an order may be
    public async Task A_fiat_order_without_a_rate_or_with_a_bad_price_is_refused_naming_the_field(string body, string param)
    {
        var other = await app.NewApiMerchantAsync();
        Assert.Empty(await Rates.SetAsync(other.MerchantId, "GBP", 0.3m));
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        Assert.Empty(await Rates.SetAsync(merchant.MerchantId, "CHF", 0.5m));
        using var client = app.ApiClient(merchant.TestKey);

        using var response = await client.PostJsonAsync("/v1/orders", body);

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
        Assert.Empty((await (await client.GetAsync("/v1/orders")).JsonAsync()).GetProperty("data").EnumerateArray());
    }

    [Theory]
    [InlineData("XYZW", "0.3", "currency")]
    [InlineData("PI", "1", "currency")]
    [InlineData("USD", "0", "value")]
    [InlineData("USD", "0.1234567890123", "value")]
    public async Task A_fixed_rate_must_be_a_currency_code_and_a_positive_price_of_one_pi(string currency, string value, string field)
    {
        var merchant = await app.NewApiMerchantAsync();

        var errors = await Rates.SetAsync(merchant.MerchantId, currency, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(field, Assert.Single(errors).Field);
        Assert.Empty(await Rates.ListAsync(merchant.MerchantId));
    }
}
