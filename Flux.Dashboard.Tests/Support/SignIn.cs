using System.Net;
using Flux.Dashboard.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Support;

/// <summary>Creates merchants and signs them in through the real sign-in form, cookies and antiforgery included.</summary>
public static class SignIn
{
    public const string Password = "Correct-Horse-42";

    /// <summary>The merchant with this e-mail (created with <see cref="Password"/> if new); returns its id.</summary>
    public static async Task<string> CreateMerchantAsync(this FluxAppFactory app, string email, bool emailConfirmed = true)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Merchant>>();
        if (await users.FindByEmailAsync(email) is { } existing) return existing.Id;
        var merchant = new Merchant { UserName = email, Email = email, EmailConfirmed = emailConfirmed };
        var result = await users.CreateAsync(merchant, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return merchant.Id;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, as a browser's form posts are checked here.</summary>
    public static HttpClient FormClient(this FluxAppFactory app) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = app.BaseAddress,
        };

    /// <summary>An HttpClient that holds the merchant's sign-in cookie.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this FluxAppFactory app, string email, string password = Password)
    {
        if (password == Password)
            await app.CreateMerchantAsync(email);
        var client = app.FormClient();
        using var response = await client.PostFormAsync("/Account/Login", "login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
