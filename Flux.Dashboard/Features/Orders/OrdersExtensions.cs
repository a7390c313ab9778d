using Flux.Dashboard.Chain.Watching;
using Hangfire;

namespace Flux.Dashboard.Features.Orders;

public static class OrdersExtensions
{
    public static void AddOrders(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OrderService>();
        builder.Services.AddSingleton<OrderQueries>();
        builder.Services.AddSingleton<OrderPaymentSimulator>();
        builder.Services.AddSingleton<ConfirmationService>();
        builder.Services.AddSingleton<IPaymentSink>(sp => sp.GetRequiredService<ConfirmationService>());
        builder.Services.AddTransient<OrderExpiry>();
    }

    public static void UseOrderExpiry(this WebApplication app) =>
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<OrderExpiry>(OrderExpiry.JobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
}
