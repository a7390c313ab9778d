using System.Net;
using System.Text.RegularExpressions;
using Flux.Dashboard.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Support;

/// <summary>Creates merchants and signs them in through the real sign-in form, cookies and antiforgery included.</summary>
public static partial class SignIn
{
    public const string Password = "Correct-Horse-42";

    public static async Task CreateMerchantAsync(this FluxAppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Merchant>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var result = await users.CreateAsync(new Merchant { UserName = email, Email = email, EmailConfirmed = true }, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>An HttpClient that holds the merchant's sign-in cookie.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this FluxAppFactory app, string email)
    {
        await app.CreateMerchantAsync(email);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
