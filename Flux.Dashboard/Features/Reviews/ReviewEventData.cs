using Flux.Dashboard.Features.Events;

namespace Flux.Dashboard.Features.Reviews;

/// <summary><c>review.submitted</c>: the customer of a confirmed order wrote the review the merchant asked for.</summary>
public sealed record ReviewSubmitted(
    string ReviewId, string ReviewRequestId, string OrderId, string ProductName, int Rating, string? Title, string Text, string DisplayName,
    string TransactionHash) : IOrderEventData
{
    public static string Type => "review.submitted";
    public static IEventData Example => new ReviewSubmitted("rev_7Yb2KqPz4MnX9cVt1Ws8", "rvr_2Hc8LmQx5NpZ0dWu3Yt6", EventExamples.OrderId,
        "Premium subscription", 5, "Fast and simple", "Paid in Pi, confirmed in seconds.", "Ada", EventExamples.TransactionHash);
}
