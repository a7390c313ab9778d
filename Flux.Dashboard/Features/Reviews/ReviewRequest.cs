namespace Flux.Dashboard.Features.Reviews;

/// <summary>What a review request is now: waiting for the customer, answered, or past its 30 days (or replaced).</summary>
public enum ReviewRequestStatus { Requested, Submitted, Expired }

/// <summary>
/// A merchant's request for a review of a confirmed order: a one-time link <c>/r/{token}</c> for the customer. Only the
/// token's SHA-256 hash is kept, so the link exists once, in the answer that created it.
/// </summary>
public sealed class ReviewRequest
{
    public required string Id { get; init; }
    public required string MerchantId { get; init; }
    public bool Livemode { get; init; }
    public required string OrderId { get; init; }
    public required string ProductName { get; init; }
    public required byte[] TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Thirty days after creation; set to the moment a newer request for the same order replaced this one.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public ReviewRequestStatus StatusAt(DateTimeOffset now) =>
        SubmittedAt is not null ? ReviewRequestStatus.Submitted
        : ExpiresAt <= now ? ReviewRequestStatus.Expired
        : ReviewRequestStatus.Requested;
}

/// <summary>The limits of review requests and reviews, shared by the API, the customer's form and the dashboard.</summary>
public static class ReviewRules
{
    public static readonly TimeSpan RequestLifetime = TimeSpan.FromDays(30);
    public const int MaxProductNameLength = 200;
    public const int MaxTitleLength = 100;
    public const int MaxTextLength = 2000;
    public const int MaxDisplayNameLength = 50;
    public const int MinRating = 1;
    public const int MaxRating = 5;

    public static string ApiName(this ReviewRequestStatus status) => status.ToString().ToLowerInvariant();
}
