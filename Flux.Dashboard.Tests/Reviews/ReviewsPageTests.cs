using Bunit;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Reviews;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Flux.Dashboard.Tests.Reviews;

/// <summary>The merchant's Reviews page and the order page's request dialog, rendered with bUnit on the running app's services.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class ReviewsPageTests : DashboardComponentTest
{
    private readonly FluxAppFactory app;

    public ReviewsPageTests(FluxAppFactory app)
    {
        this.app = app;
        Services.AddSingleton(app.Services.GetRequiredService<ReviewService>());
        Services.AddSingleton(app.Services.GetRequiredService<ApiKeyService>());
        Services.AddSingleton(app.Services.GetRequiredService<EventBus>());
        Services.AddSingleton(app.Services.GetRequiredService<IOptions<ChainOptions>>());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("<b onmouseover=\"alert(1)\">bold</b>")]
    public async Task Review_words_with_html_are_shown_as_text(string hostile)
    {
        var (scope, _, token) = await app.OpenReviewAsync(hostile);
        await app.Reviews().SubmitAsync(token, new(3, hostile, hostile, hostile));

        var page = RenderPage(scope);

        page.WaitForElement("[data-testid='review-row']");
        Assert.Equal(hostile, page.Find("[data-testid='review-title']").TextContent);
        Assert.Equal(hostile, page.Find("[data-testid='review-text']").TextContent);
        Assert.Equal(hostile, page.Find("[data-testid='review-name']").TextContent);
        Assert.Empty(page.FindAll("script"));
        Assert.Empty(page.FindAll("img"));
        Assert.Empty(page.FindAll("b"));
        Assert.Empty(page.FindAll("[onmouseover]"));
    }

    [Fact]
    public async Task The_page_lists_reviews_with_badge_average_and_order_link_and_hides_one_without_changing_it()
    {
        var (scope, order, token) = await app.OpenReviewAsync("Tea");
        var review = (await app.Reviews().SubmitAsync(token, new(4, "Nice", "Good tea", "Ada"))).Review!;
        var second = await app.ConfirmedOrderAsync(scope);
        await app.Reviews().SubmitAsync((await app.Reviews().RequestAsync(scope, second.Id, "Cake")).Value!.Token, new(1, null, "Stale", "Bob"));
        var third = await app.ConfirmedOrderAsync(scope);
        await app.Reviews().RequestAsync(scope, third.Id, "Scones");

        var page = RenderPage(scope);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='review-row']").Count));

        Assert.Equal("2.5", page.Find("[data-testid='average-rating']").TextContent);
        var row = page.Find($"[data-review-id='{review.Id}']");
        Assert.Contains("Verified Pi purchase", row.QuerySelector("[data-testid='verified-badge']")!.TextContent);
        Assert.Equal($"http://localhost/sandbox/horizon/transactions/{order.TransactionHash}", row.QuerySelector("[data-testid='verified-tx']")!.GetAttribute("href"));
        Assert.Equal($"/orders/{order.Id}", row.QuerySelector("[data-testid='review-order']")!.GetAttribute("href"));
        Assert.Equal("Scones", page.Find("[data-testid='pending-product']").TextContent);
        Assert.NotNull(page.Find("[data-testid='reviews-snippet-needs-key']"));

        page.Find($"[data-review-id='{review.Id}'] input[data-testid='review-shown']").Change(false);

        page.WaitForAssertion(() => Assert.Equal("true", page.Find($"[data-review-id='{review.Id}']").GetAttribute("data-hidden")));
        Assert.Contains("1 hidden", page.Find("[data-testid='review-count']").TextContent);
        var stored = (await app.Reviews().ReviewsAsync(scope)).Single(r => r.Id == review.Id);
        Assert.True(stored.Hidden);
        Assert.Equal(("Nice", "Good tea", "Ada", 4), (stored.Title, stored.Text, stored.DisplayName, stored.Rating));
    }

    [Fact]
    public async Task A_review_submitted_while_the_page_is_open_appears_without_reload()
    {
        var (scope, _, token) = await app.OpenReviewAsync("Tea");
        var page = RenderPage(scope);
        page.WaitForAssertion(() => Assert.Equal("Tea", page.Find("[data-testid='pending-product']").TextContent));

        await app.Reviews().SubmitAsync(token, ReviewFixtures.GoodReview);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='review-row']")), TimeSpan.FromSeconds(10));
        Assert.NotNull(page.Find("[data-testid='no-pending-requests']"));
    }

    [Fact]
    public async Task The_snippet_names_the_merchants_publishable_key()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var pair = (await app.Services.GetRequiredService<ApiKeyService>().CreatePairAsync(scope, "Shop")).Value!;

        var page = RenderPage(scope);

        page.WaitForAssertion(() => Assert.Equal(ReviewsSnippet.For("http://localhost/", pair.Publishable.Secret),
            page.Find("[data-testid='reviews-snippet']").TextContent));
    }

    [Fact]
    public async Task The_request_dialog_shows_the_link_once_it_is_made()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = await app.ConfirmedOrderAsync(scope);
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
        });
        await host.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<RequestReviewDialog>("Request a review",
            new DialogParameters<RequestReviewDialog> { { d => d.Scope, scope }, { d => d.OrderId, order.Id } }));

        host.WaitForElement("input[data-testid='review-product-name']").Input("");
        host.Find("[data-testid='create-review-link']").Click();
        host.WaitForAssertion(() => Assert.Contains("product_name is required", host.Markup));
        host.Find("input[data-testid='review-product-name']").Input("Green tea");
        host.Find("[data-testid='create-review-link']").Click();

        var url = host.WaitForElement("[data-testid='review-url']").TextContent;
        Assert.Matches("^http://localhost/r/[A-Za-z0-9_-]{43}$", url);
        var invitation = await app.Reviews().OpenAsync(url[(url.LastIndexOf('/') + 1)..]);
        Assert.Equal((InvitationState.Open, "Green tea"), (invitation.State, invitation.ProductName));
    }

    private IRenderedComponent<ReviewsPage> RenderPage(MerchantScope scope)
    {
        Render<MudPopoverProvider>();
        return Render<ReviewsPage>(p => p.AddCascadingValue(scope));
    }

}
