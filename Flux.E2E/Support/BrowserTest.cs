using System.Runtime.CompilerServices;
using Flux.Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Flux.E2E.Support;

/// <summary>Runs a browser scenario on a fresh page; a failing scenario leaves a screenshot in Flux.E2E/test-results/.</summary>
public abstract class BrowserTest(BrowserFixture fixture)
{
    protected const string Password = "Sturdy-Pass-2026";

    /// <summary>Where Flux listens, for scenarios that also call its HTTP API directly.</summary>
    protected Uri BaseAddress => fixture.BaseAddress;

    /// <summary>The running Flux, for setting up merchants, keys and wallets through its services.</summary>
    protected FluxAppFactory App => fixture.App;

    /// <summary>The shared Chromium, for scenarios that need contexts of their own (a screen size, a customer).</summary>
    protected IBrowser Browser => fixture.Browser;

    protected async Task InBrowserAsync(Func<IPage, Task> scenario, [CallerMemberName] string name = "")
    {
        var page = await fixture.NewPageAsync();
        try
        {
            await scenario(page);
        }
        catch
        {
            Directory.CreateDirectory(ResultsFolder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ResultsFolder, $"{name}.png"), FullPage = true });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    protected static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@shop.test";

    protected static async Task RegisterAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Register");
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(Password);
        await page.Locator("[id='Input.ConfirmPassword']").FillAsync(Password);
        await page.GetByTestId("register-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("merchant-email")).ToHaveTextAsync(email);
        await WaitForDashboardAsync(page);
    }

    /// <summary>Waits until the dashboard's Blazor circuit is live, so clicks reach the server.</summary>
    protected static Task WaitForDashboardAsync(IPage page) =>
        page.Locator(".mud-layout[data-interactive='true']").WaitForAsync();

    protected static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

    /// <summary>Opens the app bar's account menu (e-mail, theme, settings, sign out).</summary>
    protected static async Task OpenAccountMenuAsync(IPage page)
    {
        await page.GetByTestId("account-menu").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
    }

    protected static async Task SignOutAsync(IPage page)
    {
        await OpenAccountMenuAsync(page);
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync("**/Account/Login**");
    }

    /// <summary>Flux.E2E/test-results: failure screenshots and the artifacts tests keep on purpose.</summary>
    protected static string ResultsFolder => RepositoryFolder.Path("Flux.E2E", "test-results");

    /// <summary>axe-core's script (npm ci in Flux.E2E/Axe), for the accessibility sweeps.</summary>
    protected static string AxeScript => RepositoryFolder.Path("Flux.E2E", "Axe", "node_modules", "axe-core", "axe.min.js");

    /// <summary>A publishable test key made on the Developers page by the signed-in merchant; its dialog closed again.</summary>
    protected static async Task<string> CreatePublishableKeyAsync(IPage page)
    {
        await page.GetByTestId("nav-developers").ClickAsync();
        await page.GetByTestId("create-key").ClickAsync();
        await page.GetByTestId("key-name").FillAsync("Shop page");
        await page.GetByTestId("save-key").ClickAsync();
        var publishable = (await page.GetByTestId("new-publishable-key").InnerTextAsync()).Trim();
        Assert.StartsWith("pk_test_", publishable);
        await page.GetByTestId("close-new-key").ClickAsync();
        return publishable;
    }
}
