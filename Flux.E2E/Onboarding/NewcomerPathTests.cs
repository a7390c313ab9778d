using System.Text.RegularExpressions;
using Flux.Dashboard.Tests.Support;
using Flux.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.Onboarding;

/// <summary>
/// A new merchant's first hour (issue #26), on a phone and on a laptop: from registering to the first confirmed sandbox
/// order by following the Overview's "Get started" checklist, with no page scrolling sideways and sign-out in reach.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class NewcomerPathTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 850)]
    public Task From_registering_to_the_first_confirmed_test_order_the_checklist_leads_the_way(int width, int height) => InBrowserAsync(async page =>
    {
        await page.SetViewportSizeAsync(width, height);
        await RegisterAsync(page, NewEmail("newcomer"));
        await Expect(page.GetByTestId("test-mode-banner")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("get-started-count")).ToHaveTextAsync("0 of 7 done");
        await AssertFitsAsync(page);

        await page.GetByTestId("get-started-next").ClickAsync();
        await page.WaitForURLAsync("**/wallets");
        await page.GetByTestId("add-wallet").ClickAsync();
        await page.GetByTestId("wallet-address").FillAsync(TestAddresses.Random());
        await page.GetByTestId("save-wallet").ClickAsync();
        await Expect(page.GetByTestId("wallet-row")).ToHaveCountAsync(1);
        await AssertFitsAsync(page);

        await NextStepAsync(page, "test-order");
        await page.WaitForURLAsync("**/orders");
        await page.GetByTestId("new-order").ClickAsync();
        await page.GetByTestId("order-amount").FillAsync("10");
        await page.GetByTestId("order-description").FillAsync("Premium subscription");
        await page.GetByTestId("create-order").ClickAsync();
        await Expect(page).ToHaveURLAsync(OrderPage());
        await AssertFitsAsync(page);

        await NextStepAsync(page, "simulate");
        await Expect(page).ToHaveURLAsync(OrderPage());
        await page.GetByTestId("simulate-full").ClickAsync();
        await Expect(page.GetByTestId("order-detail-status")).ToHaveAttributeAsync("data-status", "confirmed");
        await Expect(page.GetByTestId("simulate-panel")).ToHaveCountAsync(0);
        await AssertFitsAsync(page);

        await page.Locator("a.flux-brand").ClickAsync();
        await Expect(page.Locator("[data-testid=get-started-step][data-step=simulate]")).ToHaveAttributeAsync("data-done", "true");
        await Expect(page.GetByTestId("get-started-count")).ToHaveTextAsync("3 of 7 done");
        await SignOutAsync(page);
    });

    /// <summary>Back to the Overview by the brand link (on a phone the drawer is closed) and on to the checklist's next step.</summary>
    private static async Task NextStepAsync(IPage page, string step)
    {
        await page.Locator("a.flux-brand").ClickAsync();
        var next = page.GetByTestId("get-started-next");
        await Expect(page.Locator("[data-testid=get-started-step]", new() { Has = next })).ToHaveAttributeAsync("data-step", step);
        await next.ClickAsync();
        await WaitForDashboardAsync(page);
    }

    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px.");

    [GeneratedRegex("/orders/ord_")]
    private static partial Regex OrderPage();
}
