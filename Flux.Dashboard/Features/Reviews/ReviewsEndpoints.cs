using Flux.Dashboard.Api;
using Flux.Dashboard.Api.Docs;
using Flux.Dashboard.Api.Idempotency;
using Flux.Dashboard.Features.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Features.Reviews;

/// <summary>
/// The reviews API over <see cref="ReviewService"/>: merchants request reviews of confirmed orders with a secret key (also
/// at the product docs' <c>POST /request</c>); the widget reads a merchant's visible reviews with a publishable key.
/// </summary>
public static class ReviewsEndpoints
{
    private const string Tag = "Reviews";

    public static FluxApi MapReviewsApi(this FluxApi api)
    {
        api.V1.MapPost("/reviews", CreateAsync)
            .DocumentCreate("CreateReviewRequest", "Request a review",
                "Creates a one-time link (`review_url`, valid 30 days) for the customer of a confirmed order to review `product_name`. The review carries a \"Verified Pi purchase\" badge with the payment's transaction. A new request for the same order replaces the open one; an order with a review takes no more.",
                new("request", "A confirmed order", ReviewExamples.Request));
        // The product docs' "Request a Review" path.
        api.Seed.MapPost("/request", CreateAsync)
            .DocumentCreate("RequestReview", "Request a review (seed path)",
                "The product docs' path for requesting a review: the same as `POST /v1/reviews`.",
                new("seed", "Request a Review (product docs)", ReviewExamples.SeedRequest));
        api.V1.MapGet("/reviews", ListAsync)
            .WithName("ListReviewRequests").WithSummary("List review requests").WithTags(Tag)
            .WithDescription("The key's review requests in its mode, newest first, each with its review once the customer wrote it. `review_url` is null here: the link is shown once, when created.")
            .WithListParameters().ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithResponseExample(StatusCodes.Status200OK, ReviewExamples.List);
        api.V1.MapGet("/reviews/{reviewRequestId}", GetAsync)
            .WithName("GetReviewRequest").WithSummary("Retrieve a review request").WithTags(Tag)
            .WithDescription("One review request of the key's mode (the `Location` of its creation), with its review once the customer wrote it. `review_url` is null here: the link is shown once, when created.")
            .ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, ReviewExamples.Submitted);

        api.Public.MapGet("/reviews", ListPublicAsync)
            .RequireAuthorization(ApiAuth.PublishableKeyPolicy)
            .WithName("ListPublicReviews").WithSummary("List a merchant's visible reviews").WithTags("Public")
            .WithDescription("With a publishable key (`pk_…`), which names the merchant and mode: the reviews the merchant has not hidden, newest first (`limit` 1–100, default 10), their average rating and count, each with its verified-purchase badge. What the reviews widget shows.")
            .WithQueryParameters([ListRequest.LimitParameter])
            .ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithResponseExample(StatusCodes.Status200OK, ReviewExamples.PublicList);
        return api;
    }

    private static RouteHandlerBuilder DocumentCreate(this RouteHandlerBuilder route, string name, string summary, string description, ApiExample example) =>
        route.WithName(name).WithSummary(summary).WithDescription(description).WithTags(Tag)
            .WithRequestBody<CreateReviewRequestBody>()
            .WithRequestExample(example.Name, example.Summary, example.Json)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status201Created, ReviewExamples.Created);

    private static async Task<Results<Created<ReviewRequestResource>, ApiError>> CreateAsync(
        ApiCaller caller, HttpContext http, ReviewService reviews, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadAsync<CreateReviewRequestBody>(http, cancellationToken);
        if (body.Error is { } invalid)
            return invalid;
        // The new request with its one-time link, as of its creation.
        var answer = new CreatedAnswer<IssuedReviewRequest, ReviewRequestResource>(http, created => $"/v1/reviews/{created.Request.Id}",
            created => ReviewRequestResource.Of(created.Request, null, created.Request.CreatedAt, http, created.Token));
        var result = await reviews.RequestAsync(caller.Scope, body.Value!.OrderId, body.Value.ProductName, answer.KeepWith, cancellationToken);
        return result.Succeeded ? answer.For(result.Value!) : result.ToApiError();
    }

    private static async Task<Results<Ok<ReviewRequestResource>, ApiError>> GetAsync(
        string reviewRequestId, ApiCaller caller, HttpContext http, ReviewService reviews, TimeProvider clock, CancellationToken cancellationToken) =>
        await reviews.GetRequestAsync(caller.Scope, reviewRequestId, cancellationToken) is { } row
            ? TypedResults.Ok(ReviewRequestResource.Of(row.Request, row.Review, clock.GetUtcNow(), http))
            : ApiError.NotFound($"No such review request: '{reviewRequestId}'.");

    private static Task<Results<Ok<ListPage<ReviewRequestResource>>, ApiError>> ListAsync(
        ApiCaller caller, HttpContext http, ReviewService reviews, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ApiListResponse.PageAsync(http, "review request", request => reviews.ListRequestsAsync(caller.Scope, request, cancellationToken),
            row => ReviewRequestResource.Of(row.Request, row.Review, now, http));
    }

    private static async Task<Results<Ok<PublicReviewListResource>, ApiError>> ListPublicAsync(
        ApiCaller caller, HttpContext http, ReviewService reviews, CancellationToken cancellationToken)
    {
        if (!ListRequest.TryParse(http.Request.Query, out var request, out var invalid))
            return invalid!;
        if (request.Cursor is not null)
            return ApiError.InvalidRequest("The public review list takes only limit: it shows the newest reviews.", request.CursorParam);
        var shown = await reviews.PublicReviewsAsync(caller.Scope, request.Limit, cancellationToken);
        return TypedResults.Ok(new PublicReviewListResource("list", shown.MerchantName, shown.AverageRating, shown.Count,
            shown.Reviews.Select(r => PublicReviewResource.Of(r, http)).ToList(), caller.Scope.Livemode));
    }
}
