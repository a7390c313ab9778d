using System.Text.RegularExpressions;
using Flux.Dashboard.Tests.Support;
using Flux.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.Reviews;

/// <summary>
/// A merchant requests a review of a confirmed order, the customer writes it on a phone from the one-time link, and it
/// appears on the Reviews page and in the widget on the shop's own site (another origin) — as text, with its badge.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VerifiedReviewsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string HostileTitle = "<script>window.pwned = 1</script>Great";
    private const string HostileText = "<img src=x onerror=\"window.pwned = 1\"> Paid in seconds.";

    [Fact]
    public Task Request_open_the_link_submit_and_the_review_shows_on_the_reviews_page_and_in_the_widget() => InBrowserAsync(async page =>
    {
        var email = NewEmail("reviews");
        var orderId = await ConfirmedOrderAsync(page, email);

        await page.GetByTestId("request-review").ClickAsync();
        await page.Locator("input[data-testid='review-product-name']").FillAsync("Premium Subscription");
        await page.GetByTestId("create-review-link").ClickAsync();
        var reviewUrl = (await page.GetByTestId("review-url").InnerTextAsync()).Trim();
        Assert.Matches($"^{Regex.Escape(Flux)}/r/[A-Za-z0-9_-]{{43}}$", reviewUrl);
        await page.GetByTestId("close-review-dialog").ClickAsync();

        // The customer: another browser, no sign-in, a phone's width.
        var customerContext = await page.Context.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 375, Height = 740 } });
        var customer = await customerContext.NewPageAsync();
        await customer.GotoAsync(reviewUrl);
        await Expect(customer.GetByTestId("review-product")).ToHaveTextAsync("Premium Subscription");
        await Expect(customer.GetByTestId("review-merchant")).ToHaveTextAsync("shop.test");
        Assert.True(await customer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The review page scrolls sideways at 375 px.");

        await customer.GetByTestId("review-submit").ClickAsync();
        await Expect(customer.Locator(".validation-message").First).ToContainTextAsync("Choose a rating");
        await customer.Locator("label[for='rating-4']").ClickAsync();
        await customer.GetByTestId("review-title-input").FillAsync(HostileTitle);
        await customer.GetByTestId("review-text-input").FillAsync(HostileText);
        await customer.GetByTestId("review-name-input").FillAsync("Ada");
        Directory.CreateDirectory(ResultsFolder);
        await customer.ScreenshotAsync(new() { Path = Path.Combine(ResultsFolder, "review-form-phone.png"), FullPage = true });
        await customer.GetByTestId("review-submit").ClickAsync();

        await Expect(customer.GetByTestId("review-link-used")).ToBeVisibleAsync();
        await Expect(customer.GetByTestId("review-title")).ToHaveTextAsync(HostileTitle);
        await Expect(customer.GetByTestId("review-text")).ToHaveTextAsync(HostileText);
        await Expect(customer.GetByTestId("review-rating")).ToHaveAttributeAsync("data-rating", "4");
        await Expect(customer.GetByTestId("verified-badge")).ToContainTextAsync("Verified Pi purchase");
        await Expect(customer.GetByTestId("verified-tx")).ToHaveAttributeAsync("href", new Regex("/sandbox/horizon/transactions/[0-9a-f]{64}$"));
        await customer.ScreenshotAsync(new() { Path = Path.Combine(ResultsFolder, "review-published-phone.png"), FullPage = true });
        Assert.Null(await customer.EvaluateAsync<int?>("() => window.pwned"));
        // The link is spent: opening it again shows the review, never the form.
        await customer.ReloadAsync();
        await Expect(customer.GetByTestId("review-link-used")).ToBeVisibleAsync();
        await Expect(customer.GetByTestId("review-form")).ToHaveCountAsync(0);
        await customerContext.CloseAsync();

        var publishable = await CreatePublishableKeyAsync(page);
        await page.GetByTestId("nav-reviews").ClickAsync();
        await WaitForDashboardAsync(page);
        var row = page.GetByTestId("review-row");
        await Expect(row.GetByTestId("review-title")).ToHaveTextAsync(HostileTitle);
        await Expect(row.GetByTestId("review-text")).ToHaveTextAsync(HostileText);
        await Expect(row.GetByTestId("review-order")).ToHaveTextAsync(orderId);
        await Expect(page.GetByTestId("average-rating")).ToHaveTextAsync("4.0");
        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned"));
        var snippet = (await page.GetByTestId("reviews-snippet").InnerTextAsync()).Trim();
        Assert.Contains(publishable, snippet);

        await using var shop = await ShopServer.StartAsync($"<html><body><h1>Tea shop</h1>{snippet}</body></html>");
        Assert.NotEqual(new Uri(Flux).Authority, shop.Address.Authority);
        var visitor = await page.Context.NewPageAsync();
        await visitor.GotoAsync(shop.Address.ToString());
        var item = visitor.Locator(".flux-reviews .flux-reviews-item");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item.Locator(".flux-reviews-title")).ToHaveTextAsync(HostileTitle);
        await Expect(item.Locator(".flux-reviews-text")).ToHaveTextAsync(HostileText);
        await Expect(item.Locator(".flux-reviews-badge")).ToContainTextAsync("Verified Pi purchase");
        await Expect(item.Locator("a.flux-reviews-tx")).ToHaveAttributeAsync("href", new Regex($"^{Regex.Escape(Flux)}/sandbox/horizon/transactions/[0-9a-f]{{64}}$"));
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(ResultsFolder, "reviews-widget.png"), FullPage = true });
        await Expect(visitor.Locator(".flux-reviews-average")).ToHaveTextAsync("4.0 · 1 review");
        await Expect(visitor.Locator(".flux-reviews script, .flux-reviews img")).ToHaveCountAsync(0);
        Assert.Null(await visitor.EvaluateAsync<int?>("() => window.pwned"));

        // Hidden on the Reviews page, gone from the widget.
        await page.Locator("input[data-testid='review-shown']").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-hidden", "true");
        await visitor.ReloadAsync();
        await Expect(visitor.Locator(".flux-reviews-empty")).ToHaveTextAsync("No reviews yet.");
    });

    [Fact]
    public Task A_made_up_link_shows_a_clear_page() => InBrowserAsync(async page =>
    {
        var response = await page.GotoAsync("/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByTestId("review-link-unknown")).ToBeVisibleAsync();
    });

    private string Flux => BaseAddress.ToString().TrimEnd('/');

    /// <summary>Signs a new merchant up, in test mode, with a wallet and an order paid in the sandbox; leaves the browser on the order.</summary>
    private static async Task<string> ConfirmedOrderAsync(IPage page, string email)
    {
        await RegisterAsync(page, email);
        await Expect(page.GetByTestId("credit-balance")).ToHaveTextAsync("100 credits");
        await page.GetByTestId("nav-wallets").ClickAsync();
        await page.GetByTestId("add-wallet").ClickAsync();
        await page.GetByTestId("wallet-address").FillAsync(TestAddresses.Random());
        await page.GetByTestId("save-wallet").ClickAsync();
        await Expect(page.GetByTestId("wallet-row")).ToHaveCountAsync(1);
        await page.GetByTestId("nav-orders").ClickAsync();
        await page.GetByTestId("new-order").ClickAsync();
        await page.GetByTestId("order-amount").FillAsync("10");
        await page.GetByTestId("order-description").FillAsync("Premium Subscription");
        await page.GetByTestId("create-order").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/orders/ord_"));
        await Expect(page.GetByTestId("request-review")).ToHaveCountAsync(0);
        await page.GetByTestId("simulate-full").ClickAsync();
        await Expect(page.GetByTestId("order-detail-status")).ToHaveAttributeAsync("data-status", "confirmed");
        return page.Url[(page.Url.LastIndexOf('/') + 1)..];
    }

}
