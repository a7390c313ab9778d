using System.Net;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Settings;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Orders;

/// <summary>
/// <c>expires_in</c> on order creation: how long an order waits for payment, from a minute to a week; without it, the
/// merchant's default (Settings → Business), else 30 minutes.
/// </summary>
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

    [Fact]
    public async Task A_changed_default_lifetime_applies_to_the_very_next_order()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);
        var before = await (await client.PostJsonAsync("/v1/orders", """{"amount": 1}""")).JsonAsync();

        Assert.Empty(await app.Services.GetRequiredService<BusinessProfileService>()
            .SaveAsync(merchant.MerchantId, BusinessProfile.Empty with { OrderLifetimeMinutes = 45 }));
        var after = await (await client.PostJsonAsync("/v1/orders", """{"amount": 1}""")).JsonAsync();

        Assert.Equal(OrderRules.DefaultLifetime.TotalSeconds, Lifetime(before), tolerance: 1);
        Assert.Equal(2700, Lifetime(after), tolerance: 1);
    }

    [Fact]
    public async Task The_merchants_default_lifetime_applies_to_every_order_that_names_none()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        var profiles = app.Services.GetRequiredService<BusinessProfileService>();
        Assert.Empty(await profiles.SaveAsync(merchant.MerchantId, BusinessProfile.Empty with { OrderLifetimeMinutes = 90 }));
        using var client = app.ApiClient(merchant.TestKey);
        using var anonymous = app.ApiClient(null);
        var buttonId = (await (await client.PostJsonAsync("/v1/buttons", """{"amount": 2}""")).JsonAsync()).GetProperty("button_id").GetString();
        var ownButtonId = (await (await client.PostJsonAsync("/v1/buttons", """{"amount": 2, "expires_in": 120}""")).JsonAsync()).GetProperty("button_id").GetString();

        var byApi = await (await client.PostJsonAsync("/v1/orders", """{"amount": 1}""")).JsonAsync();
        var ownLifetime = await (await client.PostJsonAsync("/v1/orders", """{"amount": 1, "expires_in": 300}""")).JsonAsync();
        var byButton = await (await anonymous.PostJsonAsync($"/v1/public/buttons/{buttonId}/orders", "{}")).JsonAsync();
        var byOwnButton = await (await anonymous.PostJsonAsync($"/v1/public/buttons/{ownButtonId}/orders", "{}")).JsonAsync();
        var byDashboard = (await app.Services.GetRequiredService<OrderService>().CreateAsync(merchant.TestScope, new CreateOrderRequest(1m, null))).Value!;

        Assert.Equal(5400, Lifetime(byApi), tolerance: 1);
        Assert.Equal(300, Lifetime(ownLifetime), tolerance: 1);
        Assert.Equal(5400, (byButton.GetProperty("expires_at").GetDateTimeOffset() - DateTimeOffset.UtcNow).TotalSeconds, tolerance: 30);
        Assert.Equal(120, (byOwnButton.GetProperty("expires_at").GetDateTimeOffset() - DateTimeOffset.UtcNow).TotalSeconds, tolerance: 30);
        Assert.Equal(TimeSpan.FromMinutes(90), byDashboard.ExpiresAt - byDashboard.CreatedAt);
    }

    [Fact]
    public async Task One_merchants_default_lifetime_is_not_anothers()
    {
        var merchant = await app.NewApiMerchantAsync();
        var other = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(other.TestScope);
        Assert.Empty(await app.Services.GetRequiredService<BusinessProfileService>()
            .SaveAsync(merchant.MerchantId, BusinessProfile.Empty with { OrderLifetimeMinutes = 600 }));
        using var client = app.ApiClient(other.TestKey);

        var order = await (await client.PostJsonAsync("/v1/orders", """{"amount": 1}""")).JsonAsync();

        Assert.Equal(1800, Lifetime(order), tolerance: 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10081)]
    public async Task A_default_lifetime_outside_a_minute_to_a_week_is_refused_and_not_saved(int minutes)
    {
        var merchant = await app.NewApiMerchantAsync();
        var profiles = app.Services.GetRequiredService<BusinessProfileService>();

        var errors = await profiles.SaveAsync(merchant.MerchantId, BusinessProfile.Empty with { OrderLifetimeMinutes = minutes });

        Assert.Equal(nameof(BusinessProfile.OrderLifetimeMinutes), Assert.Single(errors).Field);
        Assert.Null((await profiles.GetAsync(merchant.MerchantId)).OrderLifetimeMinutes);
    }

    private static double Lifetime(System.Text.Json.JsonElement order) =>
        (order.GetProperty("expires_at").GetDateTimeOffset() - order.GetProperty("created_at").GetDateTimeOffset()).TotalSeconds;
}
