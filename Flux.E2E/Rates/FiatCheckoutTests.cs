using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Tests.Api;
using Flux.E2E.Pages;
using Flux.E2E.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.Rates;

/// <summary>An order priced in US dollars, from the API to a customer's phone: the checkout shows the price and its Pi, and confirms.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FiatCheckoutTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_customer_pays_a_dollar_price_in_pi_and_the_checkout_confirms_it()
    {
        var merchant = await App.NewApiMerchantAsync();
        var wallet = await App.AddUnwatchedWalletAsync(merchant.TestScope);
        await App.Services.GetRequiredService<WatchedWallets>().WatchAsync(merchant.TestScope.Network, wallet);
        Assert.Empty(await App.Services.GetRequiredService<FixedRates>().SetAsync(merchant.MerchantId, "USD", 0.325531m));
        using var client = App.ApiClient(merchant.TestKey);
        using var created = await client.PostJsonAsync("/v1/orders", """{"amount": 4.99, "currency": "USD", "description": "Green tea"}""");
        var checkoutUrl = (await created.JsonAsync()).GetProperty("checkout_url").GetString()!;
        // A phone's width; the checkout allows only its own scripts, and axe-core is added by the test.
        await using var customer = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString().TrimEnd('/'), ViewportSize = new() { Width = 390, Height = 844 }, BypassCSP = true,
        });
        var page = await customer.NewPageAsync();
        var sweep = new PageSweep(ResultsFolder, AxeScript);

        await sweep.CheckAsync(page, new SweptPage("checkout-fiat", checkoutUrl, "main[data-interactive='true']"), "390");
        await Expect(page.GetByTestId("checkout-amount")).ToHaveTextAsync("15.3288013 Pi");
        await Expect(page.GetByTestId("checkout-price")).ToHaveTextAsync("4.99 USD = 15.3288013 Pi");
        await Expect(page.GetByTestId("checkout-open-wallet")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("&amount=15\\.3288013&"));
        await page.GetByTestId("checkout-simulate").ClickAsync();

        await Expect(page.GetByTestId("checkout-status")).ToHaveAttributeAsync("data-status", "confirmed");
        await Expect(page.GetByTestId("checkout-receipt")).ToContainTextAsync("15.3288013 Pi");
        Assert.True(sweep.Problems.Count == 0, string.Join("\n", sweep.Problems));
    }
}
