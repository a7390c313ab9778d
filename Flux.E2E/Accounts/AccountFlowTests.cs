using Flux.E2E.Support;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.Accounts;

[Collection(BrowserCollection.Name)]
public sealed class AccountFlowTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_new_merchant_starts_in_test_mode_and_the_chosen_mode_and_theme_survive_a_reload() => InBrowserAsync(async page =>
    {
        var email = NewEmail("register");

        await RegisterAsync(page, email);
        var lightBackground = await BackgroundAsync(page);
        await Expect(page.GetByTestId("test-mode-banner")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("test-mode-switch")).ToBeCheckedAsync();
        await page.GetByTestId("test-mode-switch").ClickAsync();
        await Expect(page.GetByTestId("test-mode-banner")).ToHaveCountAsync(0);
        await OpenAccountMenuAsync(page);
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", lightBackground);

        await page.ReloadAsync();
        await WaitForDashboardAsync(page);

        await Expect(page.GetByTestId("test-mode-banner")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("test-mode-switch")).Not.ToBeCheckedAsync();
        Assert.NotEqual(lightBackground, await BackgroundAsync(page));
        await SignOutAsync(page);
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/Account/Login**");
    });

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    [Fact]
    public Task Five_wrong_passwords_stop_that_client_but_do_not_lock_the_merchant_out() => InBrowserAsync(async page =>
    {
        var email = NewEmail("throttle");
        await RegisterAsync(page, email);
        await SignOutAsync(page);
        await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.66" });

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(page, email, "Wrong-Password-1");
            await Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        }
        await SignInAsync(page, email, Password);

        await Expect(page.GetByTestId("sign-in-throttled")).ToContainTextAsync("Too many sign-in attempts");
        await Expect(page.GetByTestId("sign-in-throttled")).ToContainTextAsync("Try again in");
        // The merchant, from their own address, signs in at once.
        await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string>());
        await SignInAsync(page, email, Password);
        await Expect(page.GetByTestId("merchant-email")).ToHaveTextAsync(email);
    });

    [Fact]
    public Task Merchant_with_two_factor_enabled_is_asked_for_a_code_at_sign_in() => InBrowserAsync(async page =>
    {
        var email = NewEmail("totp");
        await RegisterAsync(page, email);

        await page.GetByTestId("nav-settings").ClickAsync();
        await page.GetByTestId("settings-2fa").ClickAsync();
        await page.GetByTestId("enable-authenticator").ClickAsync();
        await Expect(page.GetByTestId("authenticator-qr").Locator("svg")).ToBeVisibleAsync();
        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "").ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));

        await page.Locator("[id='Input.Code']").FillAsync("000000" == totp.ComputeTotp() ? "111111" : "000000");
        await page.GetByTestId("verify-authenticator").ClickAsync();
        await Expect(page.Locator(".validation-message")).ToContainTextAsync("not valid");

        await page.Locator("[id='Input.Code']").FillAsync(totp.ComputeTotp());
        await page.GetByTestId("verify-authenticator").ClickAsync();
        await Expect(page.GetByTestId("recovery-codes")).ToBeVisibleAsync();

        await page.GotoAsync("/");
        await SignOutAsync(page);
        await SignInAsync(page, email, Password);
        await Expect(page.GetByTestId("2fa-code")).ToBeVisibleAsync();
        await page.GetByTestId("2fa-code").FillAsync(totp.ComputeTotp());
        await page.GetByTestId("2fa-submit").ClickAsync();
        await Expect(page.GetByTestId("merchant-email")).ToHaveTextAsync(email);
    });
}
