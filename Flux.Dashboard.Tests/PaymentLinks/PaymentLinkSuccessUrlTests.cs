using System.Net;
using System.Text.RegularExpressions;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.PaymentLinks;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.PaymentLinks;

/// <summary>A payment link's <c>success_url</c>: the checkout of a confirmed order from the link leads the customer there, with the order's id.</summary>
[Collection(FluxAppCollection.Name)]
public sealed partial class PaymentLinkSuccessUrlTests(FluxAppFactory app)
{
    private PaymentLinkService Links => app.Services.GetRequiredService<PaymentLinkService>();

    [Fact]
    public async Task A_confirmed_orders_checkout_leads_on_to_its_links_success_url_with_the_order_id()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);
        var linkId = await PaymentLinksApiTests.CreateLinkAsync(client, """{"product_name": "Tea", "amount": 1, "success_url": "https://shop.example/thanks?order={ORDER_ID}&via=flux"}""");
        var plainLinkId = await PaymentLinksApiTests.CreateLinkAsync(client, """{"product_name": "Tea", "amount": 1}""");
        var order = (await Links.CreateOrderAsync(linkId, 1, null)).Value!;
        var plainOrder = (await Links.CreateOrderAsync(plainLinkId, 1, null)).Value!;
        // The customer who paid is led on even when the shop stopped selling through the link meanwhile.
        using var deactivated = await client.PostJsonAsync($"/v1/payment_links/{linkId}", """{"active": false}""");
        using var customer = app.ApiClient(null);

        var waiting = await customer.GetStringAsync($"/checkout/{order.Id}");
        foreach (var paid in new[] { order, plainOrder })
            await app.Services.GetRequiredService<IPaymentSink>().HandleAsync(OrderFixtures.PaymentFor(paid, 1m), CancellationToken.None);
        var confirmed = await customer.GetStringAsync($"/checkout/{order.Id}");
        var confirmedPlain = await customer.GetStringAsync($"/checkout/{plainOrder.Id}");

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.DoesNotContain("checkout-continue", waiting);
        Assert.Contains("data-status=\"confirmed\"", confirmed);
        var next = ContinueLink().Match(confirmed);
        Assert.True(next.Success, confirmed);
        Assert.Equal($"https://shop.example/thanks?order={order.Id}&via=flux", WebUtility.HtmlDecode(next.Groups["href"].Value));
        Assert.Contains("Continue to shop.example", confirmed);
        Assert.Contains("data-status=\"confirmed\"", confirmedPlain);
        Assert.DoesNotContain("checkout-continue", confirmedPlain);
    }

    [Theory]
    [InlineData("https://shop.example/thanks", "ord_1", "https://shop.example/thanks")]
    [InlineData("https://shop.example/thanks?order={ORDER_ID}", "ord_1", "https://shop.example/thanks?order=ord_1")]
    [InlineData("https://shop.example/orders/{ORDER_ID}/paid?again={ORDER_ID}", "ord_1", "https://shop.example/orders/ord_1/paid?again=ord_1")]
    [InlineData("https://shop.example/thanks?order={ORDER_ID}", "a b&c", "https://shop.example/thanks?order=a%20b%26c")]
    [InlineData("https://shop.example/thanks?order={order_id}", "ord_1", "https://shop.example/thanks?order={order_id}")]
    public void The_order_id_placeholder_becomes_the_url_encoded_order_id(string successUrl, string orderId, string expected) =>
        Assert.Equal(expected, PaymentLinkRules.SuccessUrlFor(successUrl, orderId));

    /// <summary>The continue link's href, whatever the order of its tag's attributes.</summary>
    [GeneratedRegex("<a\\b(?=[^>]*data-testid=\"checkout-continue\")[^>]*\\bhref=\"(?<href>[^\"]+)\"")]
    private static partial Regex ContinueLink();
}
