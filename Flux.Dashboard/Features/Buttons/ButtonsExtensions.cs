using Flux.Dashboard.Api;
using Hangfire;

namespace Flux.Dashboard.Features.Buttons;

public static class ButtonsExtensions
{
    public static void AddButtons(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ButtonService>();
        builder.Services.AddTransient<ButtonOrderPurge>();
    }

    /// <summary>The daily purge of orders customers started from buttons and left unpaid.</summary>
    public static void UseButtonOrderPurge(this WebApplication app) =>
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<ButtonOrderPurge>(ButtonOrderPurge.JobId, job => job.RunAsync(CancellationToken.None), Cron.Daily());

    public static FluxApi MapButtons(this FluxApi api) => api.MapButtonsApi();
}
