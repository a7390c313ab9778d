using Flux.Dashboard.Api;
using Flux.Dashboard.Features.Events;
using Hangfire;

namespace Flux.Dashboard.Features.Webhooks;

public static class WebhooksExtensions
{
    public static void AddWebhooks(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new();
        options.Validate();
        builder.Services.AddSingleton(options);
        foreach (var livemode in new[] { false, true })
        {
            // Redirects are not followed: a delivery goes to the URL the merchant registered, nowhere else.
            var connector = new WebhookConnector(options.LoopbackAllowed(livemode));
            builder.Services.AddHttpClient(WebhookSender.ClientName(livemode), c => c.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, ConnectCallback = connector.ConnectAsync });
        }
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<WebhookDisabledMail>();
        builder.Services.AddSingleton<WebhookDeliveries>();
        builder.Services.AddSingleton<WebhookEndpointService>();
        builder.Services.AddSingleton<IOutboxFanOut, WebhookFanOut>();
    }

    /// <summary>The every-minute sweep that restarts deliveries whose job was lost.</summary>
    public static void UseWebhookSweep(this WebApplication app) =>
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<WebhookDeliveries>(WebhookDeliveries.SweepJobId, job => job.SweepAsync(CancellationToken.None), Cron.Minutely());
}
