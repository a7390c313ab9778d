using Hangfire;

namespace Flux.Dashboard.Chain.Watching;

public static class WatchingExtensions
{
    public static void AddPaymentWatching(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<AppBaseUri>();
        services.AddSingleton<StreamCursors>();
        services.AddSingleton<WatchedWallets>();
        services.AddSingleton<PaymentIntake>();
        services.AddSingleton<WatcherLag>();
        // The IPaymentSink that payments are handed to is registered by the orders feature.
        services.AddTransient<WalletCatchUp>();
        services.AddHostedService<PaymentWatcher>();
    }

    /// <summary>Schedules the per-wallet catch-up every minute.</summary>
    public static void UseWalletCatchUp(this WebApplication app) =>
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<WalletCatchUp>(WalletCatchUp.JobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
}
