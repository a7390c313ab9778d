using Flux.Dashboard.Api;
using Flux.Dashboard.Chain;

namespace Flux.Dashboard.Features.Reviews;

/// <summary>
/// A review request as the API shows it. <c>review_url</c> is there only in the answer that created the request: Flux
/// keeps the link's hash, never the link.
/// </summary>
public sealed record ReviewRequestResource(
    string ReviewRequestId,
    string? ReviewUrl,
    string OrderId,
    string ProductName,
    ReviewRequestStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? SubmittedAt,
    ReviewResource? Review,
    bool Livemode)
{
    public static ReviewRequestResource Of(ReviewRequest request, Review? review, DateTimeOffset now, HttpContext http, string? token = null) => new(
        request.Id, token is null ? null : ReviewToken.UrlFor(ApiLinks.BaseUrl(http), token), request.OrderId, request.ProductName,
        request.StatusAt(now), request.CreatedAt, request.ExpiresAt, request.SubmittedAt,
        review is null ? null : ReviewResource.Of(review, http), request.Livemode);
}

/// <summary>A customer's review with its proof of purchase, as the API and the widget show it.</summary>
public sealed record ReviewResource(
    string ReviewId,
    string OrderId,
    string ProductName,
    int Rating,
    string? Title,
    string Text,
    string DisplayName,
    bool Hidden,
    DateTimeOffset CreatedAt,
    VerifiedPurchase VerifiedPurchase)
{
    public static ReviewResource Of(Review review, HttpContext http) => new(
        review.Id, review.OrderId, review.ProductName, review.Rating, review.Title, review.Text, review.DisplayName, review.Hidden,
        review.CreatedAt, VerifiedPurchase.Of(review, http));
}

/// <summary>The "Verified Pi purchase" badge: the payment's transaction, when its ledger closed, and where to see it.</summary>
public sealed record VerifiedPurchase(string TransactionHash, DateTimeOffset PaidAt, string? ExplorerUrl)
{
    public static VerifiedPurchase Of(Review review, HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChainOptions>>().Value;
        return new(review.TransactionHash, review.PaidAt, ExplorerLink.For(options, review, ApiLinks.BaseUrl(http)));
    }
}

/// <summary>A review's transaction in its network's explorer; the sandbox's own explorer path is made absolute for other sites.</summary>
public static class ExplorerLink
{
    public static string? For(ChainOptions options, Review review, string baseUrl) =>
        options.Networks.TryGetValue(review.Network, out var network) && network.ExplorerUrlFor(review.TransactionHash) is { } url
            ? url.StartsWith('/') ? baseUrl.TrimEnd('/') + url : url
            : null;
}

/// <summary>The widget's list: the merchant's visible reviews, newest first, with their average rating.</summary>
public sealed record PublicReviewListResource(
    string Object,
    string MerchantName,
    decimal? AverageRating,
    int ReviewCount,
    IReadOnlyList<PublicReviewResource> Data,
    bool Livemode);

/// <summary>A review as any page may show it: nothing of the order but its proof of payment.</summary>
public sealed record PublicReviewResource(
    string ReviewId,
    string ProductName,
    int Rating,
    string? Title,
    string Text,
    string DisplayName,
    DateTimeOffset CreatedAt,
    VerifiedPurchase VerifiedPurchase)
{
    public static PublicReviewResource Of(Review review, HttpContext http) => new(
        review.Id, review.ProductName, review.Rating, review.Title, review.Text, review.DisplayName, review.CreatedAt, VerifiedPurchase.Of(review, http));
}

/// <summary>The body of <c>POST /v1/reviews</c> and the product docs' <c>POST /request</c>: <c>{"order_id": "…", "product_name": "…"}</c>.</summary>
public sealed record CreateReviewRequestBody(string? OrderId, string? ProductName);
