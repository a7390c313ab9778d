using System.Text.RegularExpressions;
using Flux.Dashboard.Tests.Support;
using Flux.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.Orders;

[Collection(BrowserCollection.Name)]
public sealed class LiveConfirmationTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_simulated_payment_confirms_the_order_live_in_two_tabs_of_the_merchant() => InBrowserAsync(async page =>
    {
        await RegisterAsync(page, NewEmail("live"));
        await Expect(page.GetByTestId("credit-balance")).ToHaveTextAsync("100 credits");

        var wallet = TestAddresses.Random();
        await page.GetByTestId("nav-wallets").ClickAsync();
        await page.GetByTestId("add-wallet").ClickAsync();
        await page.GetByTestId("wallet-address").FillAsync(wallet);
        await page.GetByTestId("save-wallet").ClickAsync();
        await Expect(page.GetByTestId("wallet-row")).ToContainTextAsync(wallet);

        await page.GetByTestId("nav-orders").ClickAsync();
        await page.GetByTestId("new-order").ClickAsync();
        await page.GetByTestId("order-amount").FillAsync("10");
        await page.GetByTestId("order-description").FillAsync("Premium subscription");
        await page.GetByTestId("create-order").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/orders/ord_"));
        var orderId = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        var second = await page.Context.NewPageAsync();
        await second.GotoAsync("/orders");
        await WaitForDashboardAsync(second);
        var status = second.Locator($"[data-testid=order-status][data-order-id='{orderId}']");
        await Expect(status).ToHaveAttributeAsync("data-status", "pending_confirmation");

        await page.GetByTestId("simulate-full").ClickAsync();

        await Expect(page.GetByTestId("order-detail-status")).ToHaveAttributeAsync("data-status", "confirmed");
        await Expect(status).ToHaveAttributeAsync("data-status", "confirmed");
        await Expect(page.GetByTestId("credit-balance")).ToHaveTextAsync("99 credits");
        await Expect(second.GetByTestId("credit-balance")).ToHaveTextAsync("99 credits");

        // The status tabs count live too, and a click anywhere on the row opens the order.
        await Expect(second.Locator("[data-testid=status-tab][data-status=confirmed] [data-testid=status-count]")).ToHaveTextAsync("1");
        await Expect(second.Locator("[data-testid=status-tab][data-status=pending_confirmation] [data-testid=status-count]")).ToHaveTextAsync("0");
        await second.GetByText("Premium subscription").ClickAsync();
        await Expect(second).ToHaveURLAsync(new Regex($"/orders/{orderId}$"));
    });
}
