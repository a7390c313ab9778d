using System.Net;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Foundation;

[Collection(FluxAppCollection.Name)]
public sealed class HangfireDashboardTests(FluxAppFactory app)
{
    [Fact]
    public async Task Anonymous_visitor_is_refused()
    {
        using var client = app.FormClient();

        using var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Merchant_who_is_not_an_admin_is_forbidden()
    {
        using var client = await app.SignedInClientAsync("merchant@flux.test");

        using var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Admin_named_in_configuration_sees_the_dashboard()
    {
        using var client = await app.SignedInClientAsync(FluxAppFactory.AdminEmail);

        using var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Flux jobs", await response.Content.ReadAsStringAsync());
    }
}
