namespace Flux.Dashboard.Features.Overview;

public static class OverviewExtensions
{
    public static void AddOverview(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OverviewQuery>();
        builder.Services.AddSingleton<GetStartedQuery>();
    }
}
