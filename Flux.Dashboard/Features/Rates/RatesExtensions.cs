using Flux.Dashboard.Features.Webhooks;
using Hangfire;

namespace Flux.Dashboard.Features.Rates;

public static class RatesExtensions
{
    public static void AddRates(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RatesOptions.Section).Get<RatesOptions>() ?? new();
        options.Validate();
        builder.Services.AddFiatPrices(options);
        builder.Services.AddTransient<RateProviderPoll>();

        // The provider's URL is the operator's, yet it is still a request from inside: public addresses only, as webhook
        // deliveries, with the same operator switch for a provider on this machine (local development and tests).
        var webhooks = builder.Configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new();
        var connector = new WebhookConnector(webhooks.AllowLoopback);
        builder.Services.AddHttpClient(RateProviderPoll.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, ConnectCallback = connector.ConnectAsync });
    }

    /// <summary>What orders need to lock a price in the merchant's currency: the rate sources, in the order they are asked.</summary>
    public static IServiceCollection AddFiatPrices(this IServiceCollection services, RatesOptions options)
    {
        services.AddSingleton(options);
        // The merchant's fixed rate first: where a merchant set one, it is the rate they chose.
        services.AddSingleton<FixedRates>();
        services.AddSingleton<IRateSource>(sp => sp.GetRequiredService<FixedRates>());
        services.AddSingleton<IRateSource, ProviderRates>();
        return services.AddSingleton<FiatPrices>();
    }

    /// <summary>The every-minute poll of the operator's rate provider; removed when no provider is configured.</summary>
    public static void UseRateProviderPoll(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        if (app.Services.GetRequiredService<RatesOptions>().Provider.Enabled)
            jobs.AddOrUpdate<RateProviderPoll>(RateProviderPoll.JobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        else
            jobs.RemoveIfExists(RateProviderPoll.JobId);
    }
}
