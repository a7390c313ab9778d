using Flux.Dashboard.Api;

namespace Flux.Dashboard.Features.Reviews;

public static class ReviewsExtensions
{
    public static void AddReviews(this WebApplicationBuilder builder) => builder.Services.AddSingleton<ReviewService>();

    public static FluxApi MapReviews(this FluxApi api) => api.MapReviewsApi();
}
