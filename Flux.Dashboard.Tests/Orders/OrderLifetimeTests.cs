using System.Net;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Orders;

/// <summary><c>expires_in</c> on order creation: how long an order waits for payment, from a minute to a week.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class OrderLifetimeTests(FluxAppFactory app)
{
    [Theory]
    [InlineData("""{"amount": 1, "expires_in": 60}""", 60)]
    [InlineData("""{"amount": 1, "expires_in": 604800}""", 604800)]
    [InlineData("""{"amount": 1}""", 1800)]
    public async Task An_order_waits_for_payment_as_long_as_expires_in_says(string body, int seconds)
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);

        using var response = await client.PostJsonAsync("/v1/orders", body);
        var order = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var lifetime = order.GetProperty("expires_at").GetDateTimeOffset() - order.GetProperty("created_at").GetDateTimeOffset();
        Assert.Equal(seconds, lifetime.TotalSeconds, tolerance: 1);
    }

    [Theory]
    [InlineData("""{"amount": 1, "expires_in": 59}""")]
    [InlineData("""{"amount": 1, "expires_in": 604801}""")]
    [InlineData("""{"amount": 1, "expires_in": -1}""")]
    public async Task A_lifetime_under_a_minute_or_over_a_week_is_refused_naming_expires_in(string body)
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);

        using var response = await client.PostJsonAsync("/v1/orders", body);

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "expires_in");
    }
}
