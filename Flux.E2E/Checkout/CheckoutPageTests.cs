using System.Text.Json;
using System.Text.RegularExpressions;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Flux.E2E.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.Checkout;

[Collection(BrowserCollection.Name)]
public sealed class CheckoutPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_customer_on_a_phone_sees_the_payment_request_and_the_simulated_payment_confirm_live() => InBrowserAsync(async page =>
    {
        var (orderId, checkoutUrl) = await NewTestOrderAsync(7.25m);
        await page.SetViewportSizeAsync(375, 740);

        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync(checkoutUrl);
        await WaitForCheckoutAsync(page);

        await Expect(page.GetByTestId("checkout-amount")).ToHaveTextAsync("7.25 Pi");
        await Expect(page.GetByTestId("checkout-memo")).ToHaveTextAsync(orderId);
        await Expect(page.GetByTestId("checkout-qr").Locator("svg")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("checkout-countdown")).ToHaveTextAsync(new Regex(@"^\d+:\d\d(:\d\d)?$"));
        await Expect(page.GetByTestId("checkout-status")).ToHaveAttributeAsync("data-status", "pending_confirmation");
        await Expect(page.GetByTestId("checkout-shop")).ToHaveTextAsync(new Regex(@"\S"));
        await Expect(page.GetByTestId("checkout-open-wallet")).ToHaveAttributeAsync("href", new Regex(@"^web\+stellar:pay\?destination=G[A-Z2-7]{55}&amount=7\.2500000&memo=ord_"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The checkout scrolls sideways at 375 px.");

        await page.GetByTestId("checkout-simulate").ClickAsync();

        await Expect(page.GetByTestId("checkout-status")).ToHaveAttributeAsync("data-status", "confirmed");
        await Expect(page.GetByTestId("checkout-transaction")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await Expect(page.GetByTestId("checkout-receipt")).ToContainTextAsync("7.25 Pi");
        await Expect(page.GetByTestId("checkout-explorer")).ToHaveAttributeAsync("href", new Regex("/sandbox/horizon/transactions/[0-9a-f]{64}$"));
        // The receipt's 64-character hash wraps: the page used to be 548 px wide here.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The receipt scrolls sideways at 375 px.");
        Assert.Equal(checkoutUrl, page.Url);
        Assert.Empty(errors); // among them any script the Content-Security-Policy blocked

    });

    [Fact]
    public Task Checkout_framed_by_another_origin_tells_the_parent_page_the_order_is_confirmed() => InBrowserAsync(async page =>
    {
        var (orderId, checkoutUrl) = await NewTestOrderAsync(3m);
        // The origin a shop's page names in the checkout URL, as flux-button.js does: its own.
        await using var shop = await FramingShopAsync(checkoutUrl, "location.origin");
        Assert.NotEqual(new Uri(checkoutUrl).GetLeftPart(UriPartial.Authority), shop.Address.GetLeftPart(UriPartial.Authority));

        await PayInFrameAsync(page, shop);

        await page.WaitForFunctionAsync("() => window.fluxMessages.some(m => m && m.type === 'flux:order.confirmed')");
        var message = (await page.EvaluateAsync<JsonElement?>("() => window.fluxMessages.find(m => m.type === 'flux:order.confirmed')"))!.Value;
        Assert.Equal(orderId, message.GetProperty("order_id").GetString());
        Assert.Equal(3m, message.GetProperty("amount").GetDecimal());
        Assert.Matches("^[0-9a-f]{64}$", message.GetProperty("transaction_id").GetString());
    });

    [Theory]
    [InlineData("'http://127.0.0.1:9'")]
    [InlineData("'*'")]
    [InlineData("null")]
    public Task Checkout_tells_no_page_but_the_origin_named_in_its_url(string parentOrigin) => InBrowserAsync(async page =>
    {
        var (_, checkoutUrl) = await NewTestOrderAsync(2m);
        await using var shop = await FramingShopAsync(checkoutUrl, parentOrigin);

        await PayInFrameAsync(page, shop);

        // The checkout tells its parent from the render that shows "confirmed"; give that render's script time to run.
        await page.WaitForTimeoutAsync(2000);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.fluxMessages.length"));
    });

    [Fact]
    public Task The_largest_amount_stays_whole_on_one_line_on_a_320_px_phone() => InBrowserAsync(async page =>
    {
        var (_, checkoutUrl) = await NewTestOrderAsync(999_999_999.9999999m);
        await page.SetViewportSizeAsync(320, 640);

        await page.GotoAsync(checkoutUrl);
        await WaitForCheckoutAsync(page);

        // Digits broken over two lines ("999,999,999.999" / "9999 Pi") misread as another amount.
        var amount = page.GetByTestId("checkout-amount-number");
        await Expect(amount).ToHaveTextAsync("999,999,999.9999999");
        var lines = await amount.EvaluateAsync<int>("e => e.getClientRects().length");
        var box = (await amount.BoundingBoxAsync())!;
        var lineHeight = await amount.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)");
        Assert.True(lines == 1 && box.Height < 1.5 * lineHeight, $"The amount takes {box.Height} px in {lines} boxes, with lines of {lineHeight} px.");
        Assert.True(box.X >= 0 && box.X + box.Width <= 320, $"The amount runs from {box.X} to {box.X + box.Width} px of 320.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The checkout scrolls sideways at 320 px.");
    });

    /// <summary>A shop page on another origin that frames the checkout with <c>parent_origin</c> set to a script expression's value (none for null).</summary>
    private static Task<ShopServer> FramingShopAsync(string checkoutUrl, string parentOriginExpression) => ShopServer.StartAsync($$"""
        <html><body>
          <script>
            window.fluxMessages = [];
            window.addEventListener('message', e => window.fluxMessages.push(e.data));
          </script>
          <iframe id="checkout" style="width:400px;height:700px"></iframe>
          <script>
            const origin = {{parentOriginExpression}};
            document.getElementById('checkout').src = {{JsonSerializer.Serialize(checkoutUrl)}} + (origin === null ? '' : '?parent_origin=' + encodeURIComponent(origin));
          </script>
        </body></html>
        """);

    private static async Task PayInFrameAsync(IPage page, ShopServer shop)
    {
        await page.GotoAsync(shop.Address.ToString());
        var frame = page.FrameLocator("#checkout");
        await frame.Locator("main[data-interactive='true']").WaitForAsync();
        await frame.GetByTestId("checkout-simulate").ClickAsync();
        await Expect(frame.GetByTestId("checkout-status")).ToHaveAttributeAsync("data-status", "confirmed");
    }

    /// <summary>A test-mode order created through the API, paid into a wallet Flux watches on the sandbox ledger.</summary>
    private async Task<(string OrderId, string CheckoutUrl)> NewTestOrderAsync(decimal amount)
    {
        var merchant = await App.NewApiMerchantAsync();
        var wallet = await App.AddUnwatchedWalletAsync(merchant.TestScope);
        await App.Services.GetRequiredService<WatchedWallets>().WatchAsync(merchant.TestScope.Network, wallet);
        using var client = App.ApiClient(merchant.TestKey);
        var order = await client.CreateOrderAsync(amount, wallet);
        return (order.GetProperty("order_id").GetString()!, order.GetProperty("checkout_url").GetString()!);
    }

    private static Task WaitForCheckoutAsync(IPage page) => page.Locator("main[data-interactive='true']").WaitForAsync();
}
