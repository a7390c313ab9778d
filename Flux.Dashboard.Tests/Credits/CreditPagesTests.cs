using System.Net;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Credits;

[Collection(FluxAppCollection.Name)]
public sealed class CreditPagesTests(FluxAppFactory app)
{
    [Fact]
    public async Task Only_admins_reach_the_grant_page()
    {
        using var merchant = await app.SignedInClientAsync($"not-admin-{Guid.NewGuid():N}@shop.test");
        using var admin = await app.SignedInClientAsync(FluxAppFactory.AdminEmail);

        using var refused = await merchant.GetAsync("/admin/credits");
        using var allowed = await admin.GetAsync("/admin/credits");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("Grant live credits", await allowed.Content.ReadAsStringAsync());
    }
}
