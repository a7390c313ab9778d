using System.Net;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Api.Public;

/// <summary>
/// Public endpoints are limited per client IP even with a publishable key (anyone can copy one from a page), in an app
/// of its own whose per-IP limit is tiny and per-key limits are not.
/// </summary>
public sealed class PublicRateLimitTests(PublicRateLimitTests.LimitedApp fixture) : IClassFixture<PublicRateLimitTests.LimitedApp>
{
    private readonly FluxAppFactory app = fixture.App;

    public sealed class LimitedApp : IDisposable
    {
        public FluxAppFactory App { get; } = FluxAppFactory.Start(null, new Dictionary<string, string?>
        {
            ["Flux:Api:RateLimits:ClientIpRequests"] = "3",
            ["Flux:Api:RateLimits:Window"] = "00:01:00",
        });

        public void Dispose() => App.Dispose();
    }

    [Fact]
    public async Task A_publishable_key_on_public_endpoints_counts_against_the_client_ip()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.Test.Publishable.Secret);
        using var secretClient = app.ApiClient(merchant.TestKey);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/v1/public/orders/ord_doesnotexist");
            statuses.Add(allowed.StatusCode);
        }
        using var limited = await client.GetAsync("/v1/public/orders/ord_doesnotexist");
        using var secretApi = await secretClient.GetAsync("/v1/orders");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        await limited.AssertApiErrorAsync(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        Assert.NotNull(limited.Headers.RetryAfter);
        // The secret API counts per key, not against the IP the public calls used up.
        Assert.Equal(HttpStatusCode.OK, secretApi.StatusCode);
    }
}
