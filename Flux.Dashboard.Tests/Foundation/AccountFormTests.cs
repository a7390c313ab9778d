using System.Net;
using System.Text.RegularExpressions;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Foundation;

[Collection(FluxAppCollection.Name)]
public sealed partial class AccountFormTests(FluxAppFactory app)
{
    [Fact]
    public async Task Registering_an_existing_email_shows_the_check_your_inbox_page_and_mails_the_owner()
    {
        var email = $"taken-{Guid.NewGuid():N}@shop.test";
        await app.CreateMerchantAsync(email);
        using var client = app.FormClient();

        using var response = await client.PostFormAsync("/Account/Register", "register", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Another-Pass-9",
            ["Input.ConfirmPassword"] = "Another-Pass-9",
        });

        // The page a registration that must be confirmed ends on: nothing says the address was taken.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/RegisterConfirmation", response.Headers.Location!.AbsolutePath);
        var page = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("data-testid=\"register-confirmation\"", page);
        Assert.DoesNotContain("already", page);
        var mail = await WaitForMailAsync(email);
        Assert.Contains("Someone tried to create a Flux account with your address", mail);
        Assert.Matches("href=\"[^\"]*/Account/Login\"", mail);
        Assert.Matches("href=\"[^\"]*/Account/ForgotPassword\"", mail);
        Assert.Equal(1, await MerchantCountAsync(email));
        using var stillTheirs = await app.SignedInClientAsync(email);
    }

    [Fact]
    public async Task Weak_password_is_reported_on_the_password_field_and_creates_nothing()
    {
        var email = $"weak-{Guid.NewGuid():N}@shop.test";

        var page = await RegisterAsync(email, "abc", "abc");

        Assert.Matches(FieldMessage("at least 8 characters"), page);
        Assert.Equal(0, await MerchantCountAsync(email));
    }

    [Fact]
    public async Task Mismatched_confirmation_is_reported_and_creates_nothing()
    {
        var email = $"mismatch-{Guid.NewGuid():N}@shop.test";

        var page = await RegisterAsync(email, "Sturdy-Pass-1", "Sturdy-Pass-2");

        Assert.Matches(FieldMessage("The passwords do not match."), page);
        Assert.Equal(0, await MerchantCountAsync(email));
    }

    [Fact]
    public async Task Forgot_password_mails_a_reset_link_that_sets_a_new_password()
    {
        var email = $"forgot-{Guid.NewGuid():N}@shop.test";
        await app.CreateMerchantAsync(email, emailConfirmed: false);
        using var client = app.FormClient();

        using (await client.PostFormAsync("/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = email })) { }

        var mail = await WaitForMailAsync(email);
        Assert.Contains("Reset your Flux password", mail);
        var link = new Uri(WebUtility.HtmlDecode(ResetLink().Match(mail).Groups[1].Value));
        using var reset = await client.PostFormAsync(link.PathAndQuery, "reset-password", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Brand-New-Pass-7",
            ["Input.ConfirmPassword"] = "Brand-New-Pass-7",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("ResetPasswordConfirmation", reset.Headers.Location!.ToString());
        using var signedIn = await app.SignedInClientAsync(email, "Brand-New-Pass-7");
    }

    [Fact]
    public async Task Registration_mails_a_confirmation_link_that_confirms_the_address()
    {
        var email = $"confirm-{Guid.NewGuid():N}@shop.test";
        using var client = app.FormClient();
        using (var registered = await client.PostFormAsync("/Account/Register", "register", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Sturdy-Pass-1",
            ["Input.ConfirmPassword"] = "Sturdy-Pass-1",
        }))
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var mail = await WaitForMailAsync(email);
        var link = new Uri(WebUtility.HtmlDecode(ConfirmLink().Match(mail).Groups[1].Value));
        var page = await client.GetStringAsync(link.PathAndQuery);

        Assert.Contains("your e-mail address is confirmed", page);
        using var scope = app.Services.CreateScope();
        var merchant = await scope.ServiceProvider.GetRequiredService<UserManager<Merchant>>().FindByEmailAsync(email);
        Assert.True(merchant!.EmailConfirmed);
    }

    /// <summary>A link whose code was cut short or changed on its way (a mail client's wrapping, a bad copy) is a dead link, not an error.</summary>
    [Theory]
    [InlineData("x")]
    [InlineData("..%2F..")]
    [InlineData("%3Cscript%3E")]
    [InlineData("%ED%A0%80")]
    public async Task A_mangled_code_in_an_account_link_answers_like_an_expired_one(string code)
    {
        var email = $"mangled-{Guid.NewGuid():N}@shop.test";
        var id = await app.CreateMerchantAsync(email, emailConfirmed: false);
        using var client = app.FormClient();

        using var reset = await client.GetAsync($"/Account/ResetPassword?code={code}");
        var confirm = await client.GetStringAsync($"/Account/ConfirmEmail?userId={id}&code={code}");
        var change = await client.GetStringAsync($"/Account/ConfirmEmailChange?userId={id}&email=new-{email}&code={code}");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/Account/InvalidPasswordReset", reset.Headers.Location!.AbsolutePath);
        Assert.Contains("This confirmation link has expired or is invalid.", confirm);
        Assert.Contains("This link has expired or is invalid.", change);
        using var scope = app.Services.CreateScope();
        var merchant = await scope.ServiceProvider.GetRequiredService<UserManager<Merchant>>().FindByIdAsync(id);
        Assert.False(merchant!.EmailConfirmed);
        Assert.Equal(email, merchant.Email);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    public async Task A_hand_edited_remember_me_in_the_two_factor_link_is_no_error(string value)
    {
        using var client = app.FormClient();

        using var response = await client.GetAsync($"/Account/LoginWith2fa?ReturnUrl=%2Forders&RememberMe={value}");

        // Without a password just given, the page sends the visitor to sign in, whatever else the link says.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    private async Task<string> RegisterAsync(string email, string password, string confirmation)
    {
        using var client = app.FormClient();
        using var response = await client.PostFormAsync("/Account/Register", "register", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirmation,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<int> MerchantCountAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Merchant>>();
        return users.Users.Count(u => u.NormalizedEmail == email.ToUpperInvariant());
    }

    private async Task<string> WaitForMailAsync(string to)
    {
        var folder = Path.Combine(app.DataFolder, "mail");
        for (var i = 0; i < 50; i++)
        {
            var mail = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText).FirstOrDefault(m => m.Contains($"To: {to}"))
                : null;
            if (mail is not null) return mail;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"No mail to {to} in {folder}");
    }

    private static Regex FieldMessage(string text) =>
        new($"class=\"[^\"]*validation-message[^\"]*\"[^>]*>[^<]*{Regex.Escape(text)}");

    [GeneratedRegex("href=\"([^\"]*ConfirmEmail[^\"]*)\"")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex("href=\"([^\"]*ResetPassword[^\"]*)\"")]
    private static partial Regex ResetLink();
}
