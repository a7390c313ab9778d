using System.Net;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Api.Limits;

/// <summary>
/// Per-key and per-IP limits, in an app of its own whose limits are tiny — 3 per test key, 5 per live key, 3 per IP —
/// and per minute rather than per second, so a slow test machine cannot see an allowance refill in mid-burst.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.LimitedApp fixture) : IClassFixture<RateLimitTests.LimitedApp>
{
    private readonly FluxAppFactory app = fixture.App;

    public sealed class LimitedApp : IDisposable
    {
        public FluxAppFactory App { get; } = FluxAppFactory.Start(null, new Dictionary<string, string?>
        {
            ["Flux:Api:RateLimits:TestKeyRequests"] = "3",
            ["Flux:Api:RateLimits:LiveKeyRequests"] = "5",
            ["Flux:Api:RateLimits:ClientIpRequests"] = "3",
            ["Flux:Api:RateLimits:Window"] = "00:01:00",
        });

        public void Dispose() => App.Dispose();
    }

    [Fact]
    public async Task The_request_past_a_test_keys_limit_is_429_with_retry_after_and_other_keys_go_on()
    {
        var merchant = await app.NewApiMerchantAsync();
        var other = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.TestKey);
        using var otherClient = app.ApiClient(other.TestKey);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/v1/orders");
            statuses.Add(allowed.StatusCode);
        }
        using var limited = await client.GetAsync("/v1/orders");
        using var otherKey = await otherClient.GetAsync("/v1/orders");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var error = await limited.AssertApiErrorAsync(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        Assert.Contains("Too many requests", error.GetProperty("message").GetString());
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter >= TimeSpan.FromSeconds(1) && retryAfter <= TimeSpan.FromMinutes(1), $"Retry-After: {limited.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
    }

    [Fact]
    public async Task Posts_count_against_the_limit_too()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostJsonAsync("/order/confirm", """{"amount": 1}""");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_live_key_has_its_own_larger_limit()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.LiveKey);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.GetAsync("/v1/credits/balance");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Append(HttpStatusCode.TooManyRequests), statuses);
    }

    [Fact]
    public async Task Requests_without_a_valid_key_are_limited_per_client_ip()
    {
        using var client = app.ApiClient("sk_test_not_a_real_key");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("/v1/orders");
            statuses.Add(response.StatusCode);
        }
        using var limited = await client.GetAsync("/v1/orders");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        await limited.AssertApiErrorAsync(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public void By_default_the_limits_are_stripes_per_second()
    {
        var defaults = new Flux.Dashboard.Api.RateLimiting.ApiRateLimitOptions();

        Assert.Equal((100, 25, TimeSpan.FromSeconds(1)), (defaults.LiveKeyRequests, defaults.TestKeyRequests, defaults.Window));
    }

    [Fact]
    public async Task The_dashboard_is_not_rate_limited()
    {
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync("/Account/Login");
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
    }
}
