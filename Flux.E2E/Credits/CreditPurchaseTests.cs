using System.Text.RegularExpressions;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Tests.Credits;
using Flux.Dashboard.Tests.Support;
using Flux.E2E.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.Credits;

[Collection(BrowserCollection.Name)]
public sealed class CreditPurchaseTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Buying_a_pack_in_the_sandbox_raises_the_balance_live_and_confirms_the_waiting_order() => InBrowserAsync(async page =>
    {
        var email = NewEmail("buyer");
        await RegisterAsync(page, email);
        await Expect(page.GetByTestId("credit-balance")).ToHaveTextAsync("100 credits");

        var wallet = TestAddresses.Random();
        await page.GetByTestId("nav-wallets").ClickAsync();
        await page.GetByTestId("add-wallet").ClickAsync();
        await page.GetByTestId("wallet-address").FillAsync(wallet);
        await page.GetByTestId("save-wallet").ClickAsync();
        await Expect(page.GetByTestId("wallet-row")).ToContainTextAsync(wallet);
        await App.DrainCreditsAsync(new MerchantScope(await MerchantIdAsync(email), Livemode: false));

        await page.GetByTestId("nav-orders").ClickAsync();
        await page.GetByTestId("new-order").ClickAsync();
        await page.GetByTestId("order-amount").FillAsync("10");
        await page.GetByTestId("order-description").FillAsync("Waits for a credit");
        await page.GetByTestId("create-order").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/orders/ord_"));
        var orderUrl = page.Url;
        await page.GetByTestId("simulate-full").ClickAsync();
        await Expect(page.GetByTestId("order-detail-status")).ToHaveAttributeAsync("data-status", "awaiting_credit");
        await Expect(page.GetByTestId("low-credit-banner")).ToContainTextAsync("no credits left");

        await page.GotoAsync("/credits");
        await WaitForDashboardAsync(page);
        await Expect(page.GetByTestId("pack-1000")).ToContainTextAsync("Save 20%");
        await page.GetByTestId("buy-100").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/credits/purchases/cp_"));
        await Expect(page.GetByTestId("purchase-status")).ToHaveTextAsync("Waiting for payment");
        await Expect(page.GetByTestId("purchase-qr").Locator("svg")).ToBeVisibleAsync();
        var memo = await page.GetByTestId("purchase-memo").TextContentAsync();
        Assert.StartsWith("cp_", memo);

        await page.GetByTestId("simulate-purchase-payment").ClickAsync();

        await Expect(page.GetByTestId("purchase-status")).ToHaveTextAsync("Paid");
        await Expect(page.GetByTestId("credit-balance")).ToHaveTextAsync("99 credits");
        await Expect(page.GetByTestId("tx-link")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("low-credit-banner")).ToHaveCountAsync(0);
        await page.GotoAsync(orderUrl);
        await Expect(page.GetByTestId("order-detail-status")).ToHaveAttributeAsync("data-status", "confirmed");
    });

    [Fact]
    public Task An_underpaid_purchase_grants_nothing_and_an_overpayment_shows_on_the_receipt() => InBrowserAsync(async page =>
    {
        await RegisterAsync(page, NewEmail("underpay"));
        await Expect(page.GetByTestId("credit-balance")).ToHaveTextAsync("100 credits");
        await page.GotoAsync("/credits");
        await WaitForDashboardAsync(page);
        await page.GetByTestId("buy-100").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/credits/purchases/cp_"));

        await page.GetByTestId("simulate-purchase-partial").ClickAsync();

        await Expect(page.GetByTestId("purchase-status")).ToHaveTextAsync("Underpaid");
        await Expect(page.GetByTestId("purchase-underpaid")).ToContainTextAsync("5 Pi still due");
        await Expect(page.GetByTestId("credit-balance")).ToHaveTextAsync("100 credits");

        await page.GetByTestId("simulate-purchase-overpay").ClickAsync();

        await Expect(page.GetByTestId("purchase-status")).ToHaveTextAsync("Paid");
        await Expect(page.GetByTestId("purchase-paid")).ToHaveTextAsync("11 Pi");
        await Expect(page.GetByTestId("purchase-overpaid")).ToContainTextAsync("Overpaid by 1 Pi");
        await Expect(page.GetByTestId("credit-balance")).ToHaveTextAsync("200 credits");
    });

    private async Task<string> MerchantIdAsync(string email)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync();
    }
}
