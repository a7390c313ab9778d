using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Tests.Support;
using Flux.E2E.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flux.E2E.Pages;

/// <summary>
/// Every page a merchant or a customer opens, at a phone's and a laptop's size, dashboard pages in both themes, over a
/// merchant with sample data (so each page shows what it does): none scrolls sideways, axe-core finds no critical or
/// serious violation, and each leaves a screenshot in Flux.E2E/test-results/pages/ to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly SemaphoreSlim ShopGate = new(1, 1);
    private static (FluxAppFactory App, SampleShop Shop)? shop;

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 850)]
    public async Task Every_page_fits_the_screen_and_passes_axe_in_both_themes(int width, int height)
    {
        var sample = await SampleShopAsync();
        var sweep = new PageSweep(ResultsFolder, Path.Combine(RepositoryFolder, "Flux.E2E", "Axe", "node_modules", "axe-core", "axe.min.js"));

        await using (var customer = await NewContextAsync(width, height))
        {
            var page = await customer.NewPageAsync();
            foreach (var swept in PublicPages(sample))
                await sweep.CheckAsync(page, swept, $"{width}");
        }

        await using (var merchant = await NewContextAsync(width, height))
        {
            var page = await merchant.NewPageAsync();
            await SignInAsync(page, sample.Email, SignIn.Password);
            await WaitForDashboardAsync(page);
            foreach (var dark in new[] { false, true })
            {
                await ShowInTestModeAsync(sample.MerchantId, dark);
                foreach (var swept in DashboardPages(sample))
                    await sweep.CheckAsync(page, swept, $"{width}-{(dark ? "dark" : "light")}");
            }
        }

        Assert.True(sweep.Problems.Count == 0, $"{sweep.Problems.Count} problems:\n{string.Join("\n", sweep.Problems)}");
    }

    private static IEnumerable<SweptPage> PublicPages(SampleShop sample) =>
    [
        new("sign-in", "/Account/Login"),
        new("register", "/Account/Register"),
        new("checkout-pending", $"/checkout/{sample.Ids.PendingOrderId}", "[data-testid=checkout-status]"),
        new("checkout-confirmed", $"/checkout/{sample.Ids.ConfirmedOrderId}", "[data-testid=checkout-status]"),
        new("review", $"/r/{sample.Ids.OpenReviewToken}"),
        new("docs-api", "/docs/api", "body", page => page.WaitForLoadStateAsync(LoadState.NetworkIdle)),
        new("docs-errors", "/docs/errors"),
        new("docs-sdks", "/docs/sdks"),
        new("docs-webhooks", "/docs/webhooks"),
    ];

    private static IEnumerable<SweptPage> DashboardPages(SampleShop sample) =>
    [
        Dashboard("overview", "/"),
        Dashboard("orders", "/orders"),
        Dashboard("order-pending", $"/orders/{sample.Ids.PendingOrderId}"),
        Dashboard("order-confirmed", $"/orders/{sample.Ids.ConfirmedOrderId}"),
        Dashboard("payments", "/payments"),
        Dashboard("wallets", "/wallets"),
        Dashboard("credits", "/credits"),
        Dashboard("buttons", "/buttons"),
        Dashboard("developers-keys", "/developers"),
        Dashboard("developers-webhooks", "/developers", page => page.GetByRole(AriaRole.Tab, new() { Name = "Webhooks" }).ClickAsync()),
        Dashboard("developers-events", "/developers", page => page.GetByRole(AriaRole.Tab, new() { Name = "Events" }).ClickAsync()),
        Dashboard("webhook-endpoint", $"/developers/webhooks/{sample.Ids.WebhookEndpointId}"),
        Dashboard("reviews", "/reviews"),
        Dashboard("settings", "/settings"),
        // The account pages under Settings stay static forms inside the dashboard's frame: no circuit to wait for.
        new("settings-profile", "/Account/Manage", "main h1"),
        new("settings-email", "/Account/Manage/Email", "main h1"),
        new("settings-password", "/Account/Manage/ChangePassword", "main h1"),
        new("settings-2fa", "/Account/Manage/TwoFactorAuthentication", "main h1"),
        new("settings-personal-data", "/Account/Manage/PersonalData", "main h1"),
    ];

    /// <summary>A dashboard page is ready once its circuit is live and its heading shows.</summary>
    private static SweptPage Dashboard(string name, string path, Func<IPage, Task>? prepare = null) =>
        new(name, path, ".mud-layout[data-interactive='true'] main h1", prepare);

    private Task<IBrowserContext> NewContextAsync(int width, int height) =>
        Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new() { Width = width, Height = height },
            // The checkout allows only its own scripts; axe-core is added to each page by the test.
            BypassCSP = true,
        });

    private async Task ShowInTestModeAsync(string merchantId, bool dark)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        // The sample data is test-mode data.
        await db.Users.Where(m => m.Id == merchantId).ExecuteUpdateAsync(s => s.SetProperty(m => m.DarkMode, dark).SetProperty(m => m.TestMode, true));
    }

    /// <summary>One merchant with sample data serves both sizes (the collection runs its tests one at a time).</summary>
    private async Task<SampleShop> SampleShopAsync()
    {
        await ShopGate.WaitAsync();
        try
        {
            if (shop is { } known && known.App == App)
                return known.Shop;
            var email = NewEmail("sweep");
            var merchantId = await App.CreateMerchantAsync(email);
            await using var services = App.Services.CreateAsyncScope();
            var ids = await services.ServiceProvider.GetRequiredService<SampleData>().AddAsync(merchantId);
            var created = new SampleShop(email, merchantId, ids);
            shop = (App, created);
            return created;
        }
        finally
        {
            ShopGate.Release();
        }
    }

    private sealed record SampleShop(string Email, string MerchantId, SampleDataIds Ids);
}
