using System.Net;
using Flux.Dashboard.Features.Reviews;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Flux.Dashboard.Tests.Reviews;

/// <summary>The customer's page <c>/r/{token}</c> over HTTP, without any sign-in.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class ReviewPageTests(FluxAppFactory app)
{
    [Fact]
    public async Task A_made_up_link_is_a_clear_404_page()
    {
        using var response = await app.CreateClient().GetAsync("/r/not-a-real-token");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This review link is not valid", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_expired_link_is_a_clear_410_page()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = await app.ConfirmedOrderAsync(scope);
        var monthAgo = new ManualClock(DateTimeOffset.UtcNow - TimeSpan.FromDays(31));
        var token = (await app.ReviewsAt(monthAgo).RequestAsync(scope, order.Id, "Tea")).Value!.Token;

        using var response = await app.CreateClient().GetAsync($"/r/{token}");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This review link has expired", html);
        Assert.DoesNotContain("review-form", html);
    }

    [Fact]
    public async Task A_used_link_shows_the_published_review_as_text_with_its_badge()
    {
        var (_, order, token) = await app.OpenReviewAsync();
        await app.Reviews().SubmitAsync(token, new(4, "<b>bold</b>", "<script>alert('x')</script><img src=x onerror=alert(1)>", "\"><i>Eve</i>"));

        using var response = await app.CreateClient().GetAsync($"/r/{token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"review-link-used\"", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html);
        Assert.Contains("&quot;&gt;&lt;i&gt;Eve&lt;/i&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("Verified Pi purchase", html);
        Assert.Contains($"/sandbox/horizon/transactions/{order.TransactionHash}", html);
        Assert.DoesNotContain("review-form", html);
    }

    [Fact]
    public async Task The_form_posts_without_sign_in_and_a_second_post_changes_nothing()
    {
        var (scope, _, token) = await app.OpenReviewAsync("Green tea");
        using var client = app.FormClient();
        var form = await client.GetStringAsync($"/r/{token}");
        Assert.Contains("Green tea", form);

        using var invalid = await PostReviewAsync(client, token, rating: "", text: "Lovely", name: "Ada");
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Choose a rating from 1 to 5 stars.", invalidHtml);
        Assert.Empty(await app.Reviews().ReviewsAsync(scope));

        using var posted = await PostReviewAsync(client, token, rating: "5", text: "Lovely", name: "Ada");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.EndsWith($"/r/{token}", posted.Headers.Location!.ToString());
        // The same form sent again from a tab still open on it.
        using var again = await PostReviewAsync(client, token, rating: "1", text: "Awful", name: "Mallory", page: form);

        Assert.Contains("This link has been used", await again.Content.ReadAsStringAsync());
        var review = Assert.Single(await app.Reviews().ReviewsAsync(scope));
        Assert.Equal(("Lovely", "Ada", 5), (review.Text, review.DisplayName, review.Rating));
    }

    [Fact]
    public async Task A_form_sent_after_the_link_expired_gets_the_expired_page_and_stores_nothing()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = await app.ConfirmedOrderAsync(scope);
        var expired = (await app.ReviewsAt(new ManualClock(DateTimeOffset.UtcNow - TimeSpan.FromDays(31))).RequestAsync(scope, order.Id, "Tea")).Value!.Token;
        var (_, _, open) = await app.OpenReviewAsync();
        using var client = app.FormClient();
        // A form the customer had open (its antiforgery token is as good as any), sent once the link is past its 30 days.
        var form = await client.GetStringAsync($"/r/{open}");

        using var response = await PostReviewAsync(client, expired, rating: "5", text: "Late", name: "Ada", page: form);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("This review link has expired", await response.Content.ReadAsStringAsync());
        Assert.Empty(await app.Reviews().ReviewsAsync(scope));
    }

    private static Task<HttpResponseMessage> PostReviewAsync(HttpClient client, string token, string rating, string text, string name, string? page = null) =>
        client.PostFormAsync($"/r/{token}", "review", new()
        {
            ["Input.Rating"] = rating,
            ["Input.Title"] = "",
            ["Input.Text"] = text,
            ["Input.DisplayName"] = name,
        }, page);
}
