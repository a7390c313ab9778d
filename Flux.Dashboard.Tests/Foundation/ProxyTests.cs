using System.Net;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Foundation;

/// <summary>
/// Audit #21 item 9: behind a TLS proxy named in <c>Flux:Proxy</c>, Flux sees the client's address and scheme from
/// X-Forwarded-For and X-Forwarded-Proto; without one, nobody's forwarded headers count. Two apps in Production (HSTS is
/// only sent outside Development), whose API allows 3 requests per client IP an hour.
/// </summary>
public sealed class ProxyTests(ProxyTests.Apps apps) : IClassFixture<ProxyTests.Apps>
{
    private const string Client = "203.0.113.7";
    private const string OtherClient = "203.0.113.8";

    public sealed class Apps : IDisposable
    {
        private static readonly Dictionary<string, string?> Production = new()
        {
            ["environment"] = "Production",
            ["Flux:Api:RateLimits:ClientIpRequests"] = "3",
            ["Flux:Api:RateLimits:Window"] = "01:00:00",
        };

        /// <summary>The tests' own requests come from 127.0.0.1, here the proxy.</summary>
        public FluxAppFactory BehindProxy { get; } =
            FluxAppFactory.Start(null, new Dictionary<string, string?>(Production) { ["Flux:Proxy:KnownProxies:0"] = "127.0.0.1" });

        public FluxAppFactory Direct { get; } = FluxAppFactory.Start(null, Production);

        public void Dispose()
        {
            BehindProxy.Dispose();
            Direct.Dispose();
        }
    }

    [Fact]
    public async Task Behind_a_known_proxy_a_request_that_came_over_https_gets_hsts_and_secure_cookies()
    {
        using var response = await GetForwardedAsync(apps.BehindProxy, "/Account/Login", Client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        Assert.All(response.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_api_limits_each_forwarded_client_on_its_own()
    {
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await GetForwardedAsync(apps.BehindProxy, "/v1/orders", Client);
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        using var refused = await GetForwardedAsync(apps.BehindProxy, "/v1/orders", Client);
        using var other = await GetForwardedAsync(apps.BehindProxy, "/v1/orders", OtherClient);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task Without_a_known_proxy_forwarded_headers_change_nothing()
    {
        using (var page = await GetForwardedAsync(apps.Direct, "/Account/Login", Client))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.False(page.Headers.Contains("Strict-Transport-Security"));
            Assert.All(page.Headers.GetValues("Set-Cookie"), cookie => Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase));
        }

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await GetForwardedAsync(apps.Direct, "/v1/orders", Client);
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }
        using var other = await GetForwardedAsync(apps.Direct, "/v1/orders", OtherClient);

        // Both "clients" are 127.0.0.1, which has spent its allowance.
        Assert.Equal(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public void A_proxy_that_is_no_ip_address_stops_start_up()
    {
        var folder = Path.Combine(Path.GetTempPath(), "flux-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => FluxAppFactory.Start(folder, new Dictionary<string, string?>
            {
                ["Flux:Proxy:KnownNetworks:0"] = "10.0.0.0/33",
            }).Dispose());

            Assert.Contains("10.0.0.0/33", error.ToString());
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* not made, or still held by SQLite: the OS cleans the temp folder */ }
        }
    }

    /// <summary>
    /// A GET as a TLS proxy would pass it on. The host is a public name: HSTS is never sent to localhost or 127.0.0.1.
    /// </summary>
    private static Task<HttpResponseMessage> GetForwardedAsync(FluxAppFactory app, string path, string client)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "pay.example";
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return app.CreateClient().SendAsync(request);
    }
}
