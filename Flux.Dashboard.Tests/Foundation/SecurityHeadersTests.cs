using System.Net;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Foundation;

/// <summary>Audit #21 item 9: the headers every answer carries, whatever produced it.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class SecurityHeadersTests(FluxAppFactory app)
{
    [Theory]
    [InlineData("/Account/Login", HttpStatusCode.OK)]
    [InlineData("/v1/orders", HttpStatusCode.Unauthorized)]
    [InlineData("/favicon.png", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/v1/no-such-endpoint", HttpStatusCode.NotFound)]
    public async Task Every_answer_forbids_content_sniffing_and_keeps_its_path_from_other_sites(string path, HttpStatusCode status)
    {
        using var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_hosted_checkout_keeps_its_own_framing_policy_and_gets_the_common_headers()
    {
        using var response = await app.CreateClient().GetAsync("/checkout/ord_doesnotexist00");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("frame-ancestors *", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_job_dashboard_may_be_framed_only_by_flux_itself()
    {
        using var client = await app.SignedInClientAsync(FluxAppFactory.AdminEmail);

        using var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("frame-ancestors 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
