using System.Text.RegularExpressions;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Support;
using Flux.E2E.Pages;
using Flux.E2E.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.Refunds;

/// <summary>The dashboard's refund flow on a phone-sized screen, through the sandbox and the real watcher (issue #28).</summary>
[Collection(BrowserCollection.Name)]
public sealed class RefundFlowTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task An_overpaid_orders_excess_is_refunded_from_the_order_page_and_seen_on_chain() => InBrowserAsync(async page =>
    {
        await page.SetViewportSizeAsync(390, 844);
        var email = NewEmail("refunder");
        await RegisterAsync(page, email);
        var wallet = TestAddresses.Random();
        using (var services = App.Services.CreateScope())
        {
            var scope = new MerchantScope(await MerchantIdAsync(email), Livemode: false);
            Assert.True((await services.ServiceProvider.GetRequiredService<WalletService>().AddAsync(scope, wallet, "Shop", makeDefault: true)).Succeeded);
        }
        await page.GotoAsync("/orders");
        await WaitForDashboardAsync(page);
        await page.GetByTestId("new-order").ClickAsync();
        await page.GetByTestId("order-amount").FillAsync("2");
        await page.GetByTestId("create-order").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/orders/ord_"));
        var orderUrl = page.Url;
        await page.GetByTestId("simulate-overpay").ClickAsync();
        await Expect(page.GetByTestId("order-detail-status")).ToHaveAttributeAsync("data-status", "confirmed");

        await page.GetByTestId("refund-order").ClickAsync();
        await Expect(page.GetByTestId("refund-amount")).ToHaveValueAsync(new Regex(@"^1(\.0+)?$"));
        await page.GetByTestId("refund-reason").FillAsync("Overpaid");
        await page.GetByTestId("create-refund").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/refunds/rf_"));
        await Expect(page.GetByTestId("refund-status")).ToHaveTextAsync("pending");
        await Expect(page.GetByTestId("refund-amount-due")).ToHaveTextAsync("1 Pi");
        await Expect(page.GetByTestId("refund-pay-to")).ToHaveTextAsync(Flux.Dashboard.Chain.SandboxTestWallet.Address);
        await Expect(page.GetByTestId("refund-pay-from")).ToHaveTextAsync(wallet);
        await Expect(page.GetByTestId("refund-qr").Locator("svg")).ToBeVisibleAsync();
        var memo = await page.GetByTestId("refund-memo").TextContentAsync();
        Assert.StartsWith("rf_", memo);
        Assert.Contains($"memo={memo}", await page.GetByTestId("refund-payment-uri").GetAttributeAsync("href"));
        var sweep = new PageSweep(ResultsFolder, AxeScript);
        await sweep.CheckAsync(page, new SweptPage("refund-pending", page.Url, "[data-testid=refund-status]"), "390");
        Assert.True(sweep.Problems.Count == 0, string.Join("\n", sweep.Problems));
        await WaitForDashboardAsync(page);

        await page.GetByTestId("simulate-refund").ClickAsync();

        await Expect(page.GetByTestId("refund-status")).ToHaveTextAsync("succeeded");
        await Expect(page.GetByTestId("refund-refunded")).ToHaveTextAsync("1 Pi");
        await Expect(page.GetByTestId("refund-transaction")).ToBeVisibleAsync();
        await sweep.CheckAsync(page, new SweptPage("refund-succeeded", page.Url, "[data-testid=refund-status]"), "390");
        await sweep.CheckAsync(page, new SweptPage("order-refunded", orderUrl, "[data-testid=order-refund-row]"), "390");
        Assert.True(sweep.Problems.Count == 0, string.Join("\n", sweep.Problems));
        await Expect(page.GetByTestId("order-refund-row")).ToContainTextAsync("succeeded");
    });

    private async Task<string> MerchantIdAsync(string email)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync();
    }
}
