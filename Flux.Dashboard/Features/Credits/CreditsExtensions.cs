namespace Flux.Dashboard.Features.Credits;

public static class CreditsExtensions
{
    public static void AddCredits(this WebApplicationBuilder builder) => builder.Services.AddSingleton<CreditService>();
}
