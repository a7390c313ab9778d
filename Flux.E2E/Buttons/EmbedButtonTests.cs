using System.Net;
using System.Text.RegularExpressions;
using Flux.Dashboard.Tests.Support;
using Flux.E2E.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.Buttons;

/// <summary>
/// The merchant designs a button, pastes its snippet into a shop served from another origin, and a customer's click
/// opens Flux's checkout in an overlay there.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EmbedButtonTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_pasted_snippet_on_another_origin_opens_the_checkout_overlay_and_reports_the_confirmation() => InBrowserAsync(async page =>
    {
        var snippet = await DesignButtonAsync(page, "Buy the e-book", "10");
        await using var shop = await ShopAsync(snippet);
        var flux = BaseAddress.ToString().TrimEnd('/');
        Assert.NotEqual(new Uri(flux).Authority, new Uri(shop.Url).Authority);

        var customer = await page.Context.NewPageAsync();
        // The hosted checkout is another issue's page: this test stands in for its content (at its real URL, so its
        // origin is Flux's) and checks only what the button does around it.
        await customer.RouteAsync($"{flux}/checkout/**", route => route.FulfillAsync(new()
        {
            Status = 200, ContentType = "text/html", Body = "<!doctype html><title>Checkout</title><p>Checkout stand-in</p>",
        }));
        await customer.GotoAsync(shop.Url);
        var button = customer.Locator(".flux-button .flux-btn");
        await Expect(button).ToHaveTextAsync("Buy the e-book · 10 Pi");

        // Esc closes the overlay; a second click opens a new order's checkout.
        await button.ClickAsync();
        await Expect(customer.Locator(".flux-overlay")).ToBeVisibleAsync();
        await customer.Keyboard.PressAsync("Escape");
        await Expect(customer.Locator(".flux-overlay")).ToHaveCountAsync(0);
        await button.ClickAsync();

        var iframe = customer.Locator(".flux-overlay iframe.flux-checkout");
        await Expect(iframe).ToHaveAttributeAsync("src", new Regex($"^{Regex.Escape(flux)}/checkout/ord_[0-9A-Za-z]+$"));
        var checkoutUrl = (await iframe.GetAttributeAsync("src"))!;
        var orderId = checkoutUrl[(checkoutUrl.LastIndexOf('/') + 1)..];

        // The hosted checkout (built separately) posts this on confirmation; here its frame sends it by hand.
        var checkout = (await (await iframe.ElementHandleAsync()).ContentFrameAsync())!;
        await checkout.WaitForLoadStateAsync();
        Assert.True(checkout.Url == checkoutUrl, $"The checkout frame shows {checkout.Url}");
        await checkout.EvaluateAsync(
            "id => parent.postMessage({ type: 'flux:order.confirmed', order_id: id, transaction_id: 'tx_123', amount: 10 }, '*')", orderId);
        await Expect(customer.Locator("#status")).ToHaveTextAsync($"Paid 10 Pi · {orderId} · tx_123");

        // A message from the shop's own origin is not Flux's and changes nothing.
        await customer.EvaluateAsync("id => window.postMessage({ type: 'flux:order.confirmed', order_id: id, transaction_id: 'forged', amount: 1 }, '*')", orderId);
        await customer.WaitForTimeoutAsync(200);
        await Expect(customer.Locator("#status")).ToHaveTextAsync($"Paid 10 Pi · {orderId} · tx_123");

        // The merchant sees the order under the button's figures, and a disabled button is unavailable in the shop.
        await page.ReloadAsync();
        await WaitForDashboardAsync(page);
        await Expect(page.GetByTestId("button-orders")).ToHaveTextAsync("2");
        await page.Locator("input[data-testid='button-enabled']").ClickAsync();
        await Expect(page.GetByTestId("button-row")).ToHaveAttributeAsync("data-enabled", "false");
        await customer.ReloadAsync();
        await Expect(customer.Locator(".flux-button .flux-btn")).ToHaveTextAsync("Unavailable");
        await Expect(customer.Locator(".flux-button .flux-btn")).ToBeDisabledAsync();
    });

    private static async Task<string> DesignButtonAsync(IPage page, string label, string amount)
    {
        await RegisterAsync(page, NewEmail("buttons"));
        await page.GetByTestId("test-mode-switch").ClickAsync();
        await page.GetByTestId("nav-wallets").ClickAsync();
        await page.GetByTestId("add-wallet").ClickAsync();
        await page.GetByTestId("wallet-address").FillAsync(TestAddresses.Random());
        await page.GetByTestId("save-wallet").ClickAsync();
        await Expect(page.GetByTestId("wallet-row")).ToHaveCountAsync(1);

        await page.GetByTestId("nav-buttons").ClickAsync();
        await page.GetByTestId("new-button").ClickAsync();
        await page.GetByTestId("button-label").FillAsync(label);
        await page.GetByTestId("button-amount").FillAsync(amount);
        await Expect(page.GetByTestId("button-preview-button")).ToHaveTextAsync($"{label} · {amount} Pi");
        await page.GetByTestId("save-button").ClickAsync();
        await Expect(page.GetByTestId("button-row")).ToHaveCountAsync(1);
        return (await page.GetByTestId("button-snippet").TextContentAsync())!;
    }

    /// <summary>A demo shop on its own origin (localhost on another port): the pasted snippet and a confirmation handler.</summary>
    private static async Task<Shop> ShopAsync(string snippet)
    {
        var html = $$"""
            <!doctype html>
            <html><head><meta charset="utf-8"><title>Demo shop</title></head>
            <body>
              <h1>Demo shop</h1>
              <p id="status">Not paid</p>
              <script>
                document.addEventListener('flux:order-confirmed', function (e) {
                  document.getElementById('status').textContent = 'Paid ' + e.detail.amount + ' Pi · ' + e.detail.orderId + ' · ' + e.detail.id;
                });
              </script>
              {{snippet}}
            </body></html>
            """;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(html, "text/html"));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new Shop(app, $"http://localhost:{address.Port}/");
    }

    private sealed record Shop(WebApplication App, string Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
