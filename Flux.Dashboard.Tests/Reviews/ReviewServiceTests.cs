using System.Text.Json;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Reviews;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Flux.Dashboard.Tests.Reviews;

/// <summary>The one-time links and the review they take, on the app's real database.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class ReviewServiceTests(FluxAppFactory app)
{
    [Fact]
    public async Task A_token_takes_one_review_and_the_second_submission_is_refused()
    {
        var (scope, order, token) = await app.OpenReviewAsync();

        var first = await app.Reviews().SubmitAsync(token, ReviewFixtures.GoodReview);
        var second = await app.Reviews().SubmitAsync(token, new(1, "Changed my mind", "Overwritten?", "Mallory"));

        Assert.NotNull(first.Review);
        Assert.Null(second.Review);
        Assert.Equal(InvitationState.Submitted, second.State);
        var review = Assert.Single(await app.Reviews().ReviewsAsync(scope));
        Assert.Equal(("Worth every Pi", "Paid in seconds, access at once.", 5), (review.Title, review.Text, review.Rating));
        Assert.Equal(order.TransactionHash, review.TransactionHash);
        Assert.Equal(InvitationState.Submitted, (await app.Reviews().OpenAsync(token)).State);
    }

    [Fact]
    public async Task The_same_token_sent_twice_at_once_makes_one_review()
    {
        var (scope, _, token) = await app.OpenReviewAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.Reviews().SubmitAsync(token, ReviewFixtures.GoodReview)));

        Assert.Single(results, r => r.Review is not null);
        Assert.Single(await app.Reviews().ReviewsAsync(scope));
    }

    [Fact]
    public async Task A_link_is_refused_after_30_days()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var reviews = app.ReviewsAt(clock);
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = await app.ConfirmedOrderAsync(scope);
        var token = (await reviews.RequestAsync(scope, order.Id, "Tea")).Value!.Token;

        clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(InvitationState.Open, (await reviews.OpenAsync(token)).State);
        clock.Advance(TimeSpan.FromSeconds(1));
        var late = await reviews.SubmitAsync(token, ReviewFixtures.GoodReview);

        Assert.Equal(InvitationState.Expired, late.State);
        Assert.Null(late.Review);
        Assert.Equal(InvitationState.Expired, (await reviews.OpenAsync(token)).State);
        Assert.Empty(await reviews.ReviewsAsync(scope));
        Assert.Empty(await reviews.PendingRequestsAsync(scope));
    }

    [Fact]
    public async Task A_new_request_replaces_the_open_link_and_a_reviewed_order_takes_none()
    {
        var (scope, order, oldToken) = await app.OpenReviewAsync();

        var renewed = await app.Reviews().RequestAsync(scope, order.Id, "Tea, renamed");

        Assert.Equal(InvitationState.Expired, (await app.Reviews().OpenAsync(oldToken)).State);
        Assert.Equal(InvitationState.Expired, (await app.Reviews().SubmitAsync(oldToken, ReviewFixtures.GoodReview)).State);
        var pending = Assert.Single(await app.Reviews().PendingRequestsAsync(scope));
        Assert.Equal("Tea, renamed", pending.ProductName);
        Assert.NotNull((await app.Reviews().SubmitAsync(renewed.Value!.Token, ReviewFixtures.GoodReview)).Review);
        var again = await app.Reviews().RequestAsync(scope, order.Id, "Tea");
        Assert.Equal("order_id", again.Error?.Field);
        Assert.Contains("one review per order", again.Error?.Message);
    }

    [Fact]
    public async Task Only_the_hash_of_the_token_is_stored()
    {
        var (_, order, token) = await app.OpenReviewAsync();

        await using var db = await app.DbAsync();
        var stored = await db.Set<ReviewRequest>().AsNoTracking().SingleAsync(r => r.OrderId == order.Id);

        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)), stored.TokenHash);
        var row = string.Join("|", typeof(ReviewRequest).GetProperties().Select(p => p.GetValue(stored)?.ToString()));
        Assert.DoesNotContain(token, row);
    }

    [Fact]
    public async Task Field_errors_name_each_field_and_keep_the_link_open()
    {
        var (scope, _, token) = await app.OpenReviewAsync();

        var result = await app.Reviews().SubmitAsync(token,
            new(6, new string('t', ReviewRules.MaxTitleLength + 1), "  ", new string('n', ReviewRules.MaxDisplayNameLength + 1)));

        Assert.Equal(["rating", "title", "text", "display_name"], result.Errors.Select(e => e.Field));
        Assert.Equal(InvitationState.Open, (await app.Reviews().OpenAsync(token)).State);
        Assert.Empty(await app.Reviews().ReviewsAsync(scope));
    }

    [Fact]
    public async Task Submitting_appends_review_submitted_in_the_same_transaction()
    {
        var (scope, order, token) = await app.OpenReviewAsync();

        var review = (await app.Reviews().SubmitAsync(token, ReviewFixtures.GoodReview)).Review!;

        await using var db = await app.DbAsync();
        var submitted = await db.Set<OutboxEvent>().AsNoTracking()
            .SingleAsync(e => e.MerchantId == scope.MerchantId && e.Type == ReviewSubmitted.Type);
        Assert.False(submitted.Livemode);
        var data = JsonDocument.Parse(submitted.Data).RootElement;
        Assert.Equal(review.Id, data.GetProperty("review_id").GetString());
        Assert.Equal(order.Id, data.GetProperty("order_id").GetString());
        Assert.Equal(5, data.GetProperty("rating").GetInt32());
        Assert.Equal(order.TransactionHash, data.GetProperty("transaction_hash").GetString());
    }

    [Fact]
    public async Task Hiding_keeps_the_customers_words_and_is_limited_to_the_scope()
    {
        var (scope, _, token) = await app.OpenReviewAsync();
        var review = (await app.Reviews().SubmitAsync(token, ReviewFixtures.GoodReview)).Review!;

        Assert.Null(await app.Reviews().SetHiddenAsync(scope with { Livemode = true }, review.Id, true));
        Assert.Null(await app.Reviews().SetHiddenAsync(new(Guid.NewGuid().ToString(), false), review.Id, true));
        var hidden = await app.Reviews().SetHiddenAsync(scope, review.Id, true);

        Assert.True(hidden!.Hidden);
        Assert.Equal(0, (await app.Reviews().PublicReviewsAsync(scope, 10)).Count);
        var stored = Assert.Single(await app.Reviews().ReviewsAsync(scope));
        Assert.Equal((review.Title, review.Text, review.DisplayName), (stored.Title, stored.Text, stored.DisplayName));
    }
}
