using Flux.Dashboard.Features.Checkout;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Tests.Checkout;

public sealed class CheckoutViewTests
{
    private static PublicOrderResource Order(string status, decimal received = 0) =>
        new("ord_1", OrderStatusNames.FromApiName(status)!.Value, 10m, received, 10m - received, "PI", null, null, "GABC", "ord_1", DateTimeOffset.UtcNow, false, null);

    [Theory]
    [InlineData("pending_confirmation", true, CheckoutTone.Waiting)]
    [InlineData("underpaid", true, CheckoutTone.Warning)]
    [InlineData("confirmed", false, CheckoutTone.Success)]
    [InlineData("expired", false, CheckoutTone.Error)]
    [InlineData("paid_after_expiry", false, CheckoutTone.Error)]
    [InlineData("canceled", false, CheckoutTone.Error)]
    public void Only_open_orders_ask_for_a_payment(string status, bool acceptsPayment, CheckoutTone tone)
    {
        var view = CheckoutView.For(Order(status));

        Assert.Equal(acceptsPayment, view.AcceptsPayment);
        Assert.Equal(tone, view.Tone);
    }

    [Fact]
    public void Underpaid_says_what_was_received_and_what_is_still_due()
    {
        var view = CheckoutView.For(Order("underpaid", received: 2.5m));

        Assert.Contains("2.5 Pi received", view.Message);
        Assert.Contains("remaining 7.5 Pi", view.Message);
    }

    [Theory]
    [InlineData("https://shop.example", "https://shop.example")]
    [InlineData("https://shop.example/", "https://shop.example")]
    [InlineData("http://127.0.0.1:5173", "http://127.0.0.1:5173")]
    [InlineData("HTTPS://Shop.Example", "https://shop.example")]
    [InlineData("https://shop.example:443", null)]
    [InlineData("https://shop.example/cart", null)]
    [InlineData("https://shop.example?x=1", null)]
    [InlineData("https://user@shop.example", null)]
    [InlineData("*", null)]
    [InlineData("null", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("file:///etc", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_an_exact_web_origin_may_receive_the_checkouts_news(string? parentOrigin, string? origin) =>
        Assert.Equal(origin, CheckoutView.Origin(parentOrigin));

    [Theory]
    [InlineData(899.2, "15:00")]
    [InlineData(59, "0:59")]
    [InlineData(3723, "1:02:03")]
    [InlineData(0, "0:00")]
    [InlineData(-5, "0:00")]
    public void Countdown_reads_minutes_and_seconds(double seconds, string expected)
    {
        Assert.Equal(expected, CheckoutView.Countdown(TimeSpan.FromSeconds(seconds)));
    }
}
