using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Receipts;
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
        var sweep = new PageSweep(ResultsFolder, AxeScript);

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

    internal static IEnumerable<SweptPage> PublicPages(SampleShop sample) =>
    [
        new("sign-in", "/Account/Login"),
        new("register", "/Account/Register"),
        new("register-confirmation", $"/Account/RegisterConfirmation?email={Uri.EscapeDataString(sample.Email)}"),
        new("forgot-password", "/Account/ForgotPassword"),
        new("forgot-password-confirmation", "/Account/ForgotPasswordConfirmation"),
        new("reset-password-confirmation", "/Account/ResetPasswordConfirmation"),
        new("invalid-password-reset", "/Account/InvalidPasswordReset"),
        new("resend-email-confirmation", "/Account/ResendEmailConfirmation"),
        new("lockout", "/Account/Lockout"),
        new("access-denied", "/Account/AccessDenied"),
        new("invalid-user", "/Account/InvalidUser"),
        new("checkout-pending", $"/checkout/{sample.Ids.PendingOrderId}", "[data-testid=checkout-status]"),
        new("checkout-confirmed", $"/checkout/{sample.Ids.ConfirmedOrderId}", "[data-testid=checkout-status]"),
        new("pay", $"/pay/{sample.Ids.ActivePaymentLinkId}", "[data-testid=pay]"),
        new("pay-deactivated", $"/pay/{sample.Ids.DeactivatedPaymentLinkId}", "[data-testid=pay-unavailable]", Status: 410),
        new("receipt", $"/receipts/{sample.ReceiptToken}", "[data-testid=receipt-verified]"),
        new("review", $"/r/{sample.Ids.OpenReviewToken}"),
        new("docs-api", "/docs/api", "body", page => page.WaitForLoadStateAsync(LoadState.NetworkIdle)),
        new("docs-errors", "/docs/errors"),
        new("docs-sdks", "/docs/sdks"),
        new("docs-webhooks", "/docs/webhooks"),
    ];

    internal static IEnumerable<SweptPage> DashboardPages(SampleShop sample) =>
    [
        Dashboard("overview", "/"),
        Dashboard("orders", "/orders"),
        Dashboard("order-pending", $"/orders/{sample.Ids.PendingOrderId}"),
        Dashboard("order-confirmed", $"/orders/{sample.Ids.ConfirmedOrderId}"),
        Dashboard("payments", "/payments"),
        Dashboard("wallets", "/wallets"),
        Dashboard("refund-pending", $"/refunds/{sample.Ids.RefundId}"),
        Dashboard("credits", "/credits"),
        Dashboard("credit-purchase", $"/credits/purchases/{sample.Ids.CreditPurchaseId}"),
        Dashboard("buttons", "/buttons"),
        Dashboard("payment-links", "/payment-links", ShowOrdersOfLink(sample.Ids.ActivePaymentLinkId)),
        Dashboard("payment-link-poster", $"/payment-links/{sample.Ids.ActivePaymentLinkId}/poster"),
        Dashboard("developers-keys", "/developers"),
        Dashboard("developers-webhooks", "/developers", page => page.GetByRole(AriaRole.Tab, new() { Name = "Webhooks" }).ClickAsync()),
        Dashboard("developers-events", "/developers", page => page.GetByRole(AriaRole.Tab, new() { Name = "Events" }).ClickAsync()),
        Dashboard("webhook-endpoint", $"/developers/webhooks/{sample.Ids.WebhookEndpointId}"),
        Dashboard("webhook-endpoint-edit", $"/developers/webhooks/{sample.Ids.WebhookEndpointId}", async page =>
        {
            await page.GetByTestId("edit-webhook").ClickAsync();
            await page.Locator("input[data-testid='webhook-url']").WaitForAsync();
        }),
        Dashboard("reviews", "/reviews"),
        Dashboard("settings", "/settings"),
        Dashboard("not-found", "/not-found", readySelector: ".mud-layout[data-interactive='true'] main"),
        // The account pages under Settings stay static forms inside the dashboard's frame: no circuit to wait for.
        new("settings-profile", "/Account/Manage", "main h1"),
        new("settings-email", "/Account/Manage/Email", "main h1"),
        new("settings-password", "/Account/Manage/ChangePassword", "main h1"),
        new("settings-2fa", "/Account/Manage/TwoFactorAuthentication", "main h1"),
        new("settings-2fa-authenticator", "/Account/Manage/EnableAuthenticator", "main h1"),
        new("settings-2fa-reset", "/Account/Manage/ResetAuthenticator", "main h1"),
        new("settings-personal-data", "/Account/Manage/PersonalData", "main h1"),
        new("settings-delete-account", "/Account/Manage/DeletePersonalData", "main h1"),
    ];

    /// <summary>
    /// The pages no sweep opens, and why; <see cref="SweptRoutesTests"/> fails for any other page the sweep leaves out.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> NotSwept = new Dictionary<string, string>
    {
        ["/Error"] = "Shown only for an exception in a request, with the request's id; opened on its own it has nothing to show.",
        ["/admin/credits"] = "For Flux's administrators only; the sample merchant is none.",
        ["/Account/LoginWith2fa"] = "Opens only between the password and the code of an account with two-factor sign-in; otherwise sends back to sign-in.",
        ["/Account/LoginWithRecoveryCode"] = "Opens only between the password and the code of an account with two-factor sign-in; otherwise sends back to sign-in.",
        ["/Account/ResetPassword"] = "Opens only with a reset code from a mail; without one it sends to the invalid-reset page, which is swept.",
        ["/Account/ConfirmEmail"] = "Opens only with a confirmation code from a mail; without one it sends to the overview.",
        ["/Account/ConfirmEmailChange"] = "Opens only with a change code from a mail; without one it sends to the e-mail settings, which are swept.",
        ["/Account/Manage/GenerateRecoveryCodes"] = "Opens only with two-factor sign-in on; the sample merchant has it off.",
        ["/Account/Manage/Disable2fa"] = "Opens only with two-factor sign-in on; the sample merchant has it off.",
        ["/Account/Manage/SetPassword"] = "For accounts without a password; the sample merchant has one, so it sends to change password, which is swept.",
    };

    /// <summary>Opens the orders a customer started from the link, as a merchant checking a link would.</summary>
    private static Func<IPage, Task> ShowOrdersOfLink(string linkId) => async page =>
    {
        var row = page.Locator($"[data-payment-link-id='{linkId}']");
        await row.GetByTestId("payment-link-orders-toggle").ClickAsync();
        await row.GetByTestId("payment-link-order").First.WaitForAsync();
    };

    /// <summary>A dashboard page is ready once its circuit is live and its heading shows.</summary>
    private static SweptPage Dashboard(string name, string path, Func<IPage, Task>? prepare = null,
        string readySelector = ".mud-layout[data-interactive='true'] main h1") =>
        new(name, path, readySelector, prepare);

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
            var created = new SampleShop(email, merchantId, ids, await ReceiptTokenAsync(ids.PaymentLinkOrderId));
            shop = (App, created);
            return created;
        }
        finally
        {
            ShopGate.Release();
        }
    }

    /// <summary>The receipt of a confirmed order is issued once its order.confirmed event is dispatched: wait for it.</summary>
    private async Task<string> ReceiptTokenAsync(string orderId)
    {
        var receipts = App.Services.GetRequiredService<ReceiptService>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await receipts.TokenOfAsync(orderId) is { } token)
                return token;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No receipt was issued for the confirmed order {orderId}.");
            await Task.Delay(100);
        }
    }

    internal sealed record SampleShop(string Email, string MerchantId, SampleDataIds Ids, string ReceiptToken);
}
