using Flux.Dashboard.Features.Events;
using Hangfire;

namespace Flux.Dashboard.Features.Notifications;

public static class NotificationsExtensions
{
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NotificationChoices>();
        builder.Services.AddSingleton<IOutboxFanOut, OrderConfirmedMailer>();
        builder.Services.AddTransient<OrderConfirmedMail>();
        builder.Services.AddTransient<DailySummaryMail>();
    }

    /// <summary>The hourly job that sends each merchant's daily summary once their morning has come.</summary>
    public static void UseDailySummaryMail(this WebApplication app) =>
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<DailySummaryMail>(DailySummaryMail.JobId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
}
