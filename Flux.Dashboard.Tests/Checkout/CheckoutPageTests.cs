using System.Net;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Checkout;

/// <summary>The hosted checkout as the first HTTP answer (prerendered HTML): public data only, framable by any shop.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class CheckoutPageTests(FluxAppFactory app)
{
    [Fact]
    public async Task Checkout_of_a_test_order_says_whom_and_what_the_customer_pays_and_nothing_else_of_the_merchant()
    {
        var merchant = await app.NewApiMerchantAsync();
        var wallet = await app.AddUnwatchedWalletAsync(merchant.TestScope);
        var order = (await app.Services.GetRequiredService<OrderService>()
            .CreateAsync(merchant.TestScope, new CreateOrderRequest(12.5m, "Secret note for the shop <script>"))).Value!;

        using var response = await app.CreateClient().GetAsync($"/checkout/{order.Id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("12.5 Pi", html);
        Assert.Contains(wallet, html);
        Assert.Matches($"data-testid=\"checkout-memo\"[^>]*>{order.Memo}<", html);
        Assert.Contains("data-status=\"pending_confirmation\"", html);
        Assert.Contains("data-testid=\"checkout-qr\"", html);
        Assert.Contains("<svg", html);
        Assert.Contains("memo is required", html);
        Assert.Contains("data-testid=\"checkout-simulate\"", html);
        // Whom and what: the shop (its e-mail's domain while no name is set) and the order's description, as text.
        Assert.Matches("data-testid=\"checkout-shop\"[^>]*>shop.test<", html);
        Assert.Contains("Secret note for the shop &lt;script&gt;", html);
        Assert.Contains($"href=\"web+stellar:pay?destination={wallet}&amount=12.5000000&memo={order.Memo}&", WebUtility.HtmlDecode(html));
        Assert.DoesNotContain(merchant.MerchantId, html);
        Assert.DoesNotContain(merchant.Email, html);
        Assert.DoesNotContain("sk_", html);
        Assert.DoesNotContain(merchant.TestKey, html);
        Assert.DoesNotContain(merchant.Test.Publishable.Secret, html);
    }

    [Fact]
    public async Task Checkout_of_an_unknown_order_is_a_friendly_404()
    {
        using var response = await app.CreateClient().GetAsync("/checkout/ord_doesnotexist00");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Order not found", html);
        Assert.Contains("data-testid=\"checkout-not-found\"", html);
    }

    [Fact]
    public async Task Checkout_may_be_framed_by_any_origin_but_runs_only_Flux_scripts()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        var order = (await app.Services.GetRequiredService<OrderService>().CreateAsync(merchant.TestScope, new CreateOrderRequest(1m, null))).Value!;

        using var response = await app.CreateClient().GetAsync($"/checkout/{order.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors *", csp);
        Assert.Matches("script-src 'self' 'sha256-[A-Za-z0-9+/=]+';", csp);
    }

    [Fact]
    public async Task Dashboard_pages_keep_refusing_other_origins_frames()
    {
        using var response = await app.CreateClient().GetAsync("/Account/Login");

        Assert.Equal("SAMEORIGIN", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }
}
