using System.Net;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Foundation;

/// <summary>Audit #21 item 6: a return URL someone crafted never sends the browser off Flux, and never costs a 500.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class ReturnUrlTests(FluxAppFactory app)
{
    /// <summary>As they would stand in a query string or a form field: other hosts, schemes and malformed paths.</summary>
    public static TheoryData<string> Foreign =>
    [
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "https://evil.example",
        "%2F%2Fevil.example",
        "/%09/evil.example",
        "http://evil.example/orders",
    ];

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task Sign_in_with_a_foreign_return_url_lands_on_the_dashboard_home(string returnUrl)
    {
        var email = $"return-in-{Guid.NewGuid():N}@shop.test";
        await app.CreateMerchantAsync(email);
        using var client = app.FormClient();

        using var response = await SignInAsync(client, email, "/Account/Login?ReturnUrl=" + returnUrl);

        Assert.Equal("/", StaysOnFlux(response).AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task Sign_out_with_a_foreign_return_url_stays_on_flux(string returnUrl)
    {
        using var client = await app.SignedInClientAsync($"return-out-{Guid.NewGuid():N}@shop.test");

        using var response = await SignOutAsync(client, returnUrl);

        StaysOnFlux(response);
    }

    [Fact]
    public async Task Sign_in_with_a_local_return_url_goes_there()
    {
        var email = $"return-local-{Guid.NewGuid():N}@shop.test";
        await app.CreateMerchantAsync(email);
        using var client = app.FormClient();

        using var response = await SignInAsync(client, email, "/Account/Login?ReturnUrl=%2Forders%3Fstatus%3Dpaid");

        Assert.Equal("/orders?status=paid", StaysOnFlux(response).PathAndQuery);
    }

    [Fact]
    public async Task Sign_in_sent_from_a_protected_page_returns_to_it()
    {
        // The dashboard sends visitors to sign in with the page's absolute address on Flux (RedirectToLogin).
        var email = $"return-absolute-{Guid.NewGuid():N}@shop.test";
        await app.CreateMerchantAsync(email);
        using var client = app.FormClient();
        var orders = Uri.EscapeDataString(new Uri(app.BaseAddress, "/orders").AbsoluteUri);

        using var response = await SignInAsync(client, email, "/Account/Login?ReturnUrl=" + orders);

        Assert.Equal("/orders", StaysOnFlux(response).PathAndQuery);
    }

    [Fact]
    public async Task Sign_out_with_a_local_return_url_goes_there()
    {
        using var client = await app.SignedInClientAsync($"return-out-local-{Guid.NewGuid():N}@shop.test");

        using var response = await SignOutAsync(client, "/orders");

        Assert.Equal("/orders", StaysOnFlux(response).PathAndQuery);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string loginUrl) =>
        client.PostFormAsync(loginUrl, "login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = SignIn.Password,
        });

    /// <summary>Posts the dashboard's own sign-out form (its antiforgery token included) with this return URL.</summary>
    private static async Task<HttpResponseMessage> SignOutAsync(HttpClient client, string returnUrl)
    {
        var dashboard = await client.GetStringAsync("/");
        return await client.PostFormAsync("/Account/Logout", "", new() { ["ReturnUrl"] = returnUrl }, dashboard);
    }

    /// <summary>A redirect whose target, as a browser reads it, is on Flux's own host; returns that target.</summary>
    private Uri StaysOnFlux(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        // A browser reads a backslash as a slash, so "/\host" is another host to it even where .NET sees a path.
        Assert.DoesNotContain('\\', location);
        var target = new Uri(app.BaseAddress, location);
        Assert.Equal(app.BaseAddress.GetLeftPart(UriPartial.Authority), target.GetLeftPart(UriPartial.Authority));
        return target;
    }
}
