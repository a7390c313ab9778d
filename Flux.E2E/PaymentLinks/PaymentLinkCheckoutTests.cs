using System.Text.RegularExpressions;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Checkout;
using Flux.Dashboard.Tests.Api;
using Flux.E2E.Pages;
using Flux.E2E.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.PaymentLinks;

/// <summary>
/// A payment link shared on a shop's page (another origin), opened by a customer on a phone: the link's page, the
/// checkout, the sandbox payment, the shop's success page with the order's id, the receipt page and the receipt mail.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PaymentLinkCheckoutTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_customer_buys_through_a_payment_link_on_a_phone_lands_on_the_shops_success_page_and_gets_a_receipt_page_and_mail()
    {
        var merchant = await App.NewApiMerchantAsync();
        var wallet = await App.AddUnwatchedWalletAsync(merchant.TestScope);
        await App.Services.GetRequiredService<WatchedWallets>().WatchAsync(merchant.TestScope.Network, wallet);
        using var client = App.ApiClient(merchant.TestKey);
        // The link names the shop's success page, so the shop listens first and shows the link once it exists.
        await using var shop = await ShopServer.StartAsync();
        shop.Serve("/thanks", """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Thanks</title></head><body><h1 id="thanks">Thank you for your order</h1></body></html>""");
        using var created = await client.PostJsonAsync("/v1/payment_links", $$"""
            {"product_name": "Flat white", "amount": 2.5, "quantity_adjustable": true, "success_url": "{{shop.Address}}thanks?order={ORDER_ID}"}
            """);
        var payUrl = (await created.JsonAsync()).GetProperty("url").GetString()!;
        shop.Serve("/", $"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Café</title></head><body><a id="buy" href="{payUrl}">Buy a flat white with Pi</a></body></html>""");
        var buyer = $"buyer-{Guid.NewGuid():N}@example.com";
        // A phone's width; Flux's pages allow only their own scripts, and axe-core is added by the test.
        await using var customer = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, BypassCSP = true });
        var page = await customer.NewPageAsync();
        var sweep = new PageSweep(ResultsFolder, AxeScript);

        await page.GotoAsync(shop.Address.ToString());
        await page.Locator("#buy").ClickAsync();
        await Expect(page).ToHaveURLAsync(payUrl);
        await sweep.CheckAsync(page, new SweptPage("payment-link", payUrl, "h1"), "390");
        await Expect(page.GetByTestId("pay-product")).ToHaveTextAsync("Flat white");
        await Expect(page.GetByTestId("pay-price")).ToHaveTextAsync("2.5 Pi");
        await page.GetByTestId("pay-quantity").FillAsync("2");
        await page.GetByTestId("pay-email").FillAsync(buyer);
        await page.GetByTestId("pay-proceed").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/checkout/ord_[0-9A-Za-z]+$"));
        var checkoutUrl = page.Url;
        var orderId = checkoutUrl.Split('/')[^1];
        await Expect(page.Locator("main[data-interactive='true']")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("checkout-amount")).ToHaveTextAsync("5 Pi");
        await page.GetByTestId("checkout-simulate").ClickAsync();
        await Expect(page.GetByTestId("checkout-status")).ToHaveAttributeAsync("data-status", "confirmed");
        var receiptLink = page.GetByTestId("checkout-receipt-link");
        await Expect(receiptLink).ToBeVisibleAsync();
        var receiptUrl = new Uri(BaseAddress, (await receiptLink.GetAttributeAsync("href"))!).ToString();
        var successUrl = $"{shop.Address}thanks?order={orderId}";
        // The customer sees the payment went through, with a way on for a browser that blocks the redirect, then lands on the shop.
        await Expect(page.GetByTestId("checkout-leaving")).ToContainTextAsync($"Taking you back to {shop.Address.Host}");
        await Expect(page.GetByTestId("checkout-continue")).ToHaveAttributeAsync("href", successUrl);
        await Expect(page.GetByTestId("checkout-continue")).ToHaveTextAsync($"Continue to {shop.Address.Host}");
        await Expect(page).ToHaveURLAsync(successUrl, new() { Timeout = 15_000 });
        await Expect(page.Locator("#thanks")).ToHaveTextAsync("Thank you for your order");
        // Back on the paid checkout later, the customer reads it (the way on is still there) and is not sent on again.
        await sweep.CheckAsync(page, new SweptPage("checkout-paid", checkoutUrl, "[data-testid='checkout-continue']"), "390");
        await Expect(page.Locator("main[data-interactive='true']")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync((float)CheckoutView.SuccessRedirectDelay.TotalMilliseconds + 1000);
        await Expect(page).ToHaveURLAsync(checkoutUrl);
        await Expect(page.GetByTestId("checkout-leaving")).ToHaveCountAsync(0);

        await sweep.CheckAsync(page, new SweptPage("receipt", receiptUrl, "h1"), "390");
        await Expect(page.GetByTestId("receipt-verified")).ToContainTextAsync("Verified on the Pi chain");
        await Expect(page.GetByTestId("receipt-product")).ToHaveTextAsync("Flat white × 2");
        await Expect(page.GetByTestId("receipt-amount")).ToHaveTextAsync("5 Pi");
        await Expect(page.GetByTestId("checkout-transaction")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        Assert.True(sweep.Problems.Count == 0, string.Join("\n", sweep.Problems));
        var mail = await MailToAsync(buyer);
        Assert.Contains(receiptUrl, mail);
    }

    /// <summary>The one mail the File transport wrote to <paramref name="address"/>, waiting for its job.</summary>
    private async Task<string> MailToAsync(string address)
    {
        var folder = Path.Combine(App.DataFolder, "mail");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var mails = Directory.Exists(folder) ? Directory.GetFiles(folder).Select(File.ReadAllText).Where(m => m.Contains(address)).ToList() : [];
            if (mails.Count > 0 || DateTime.UtcNow > deadline)
                return Assert.Single(mails);
            await Task.Delay(200);
        }
    }
}
