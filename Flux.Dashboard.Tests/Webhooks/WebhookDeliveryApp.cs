using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Webhooks;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Flux.Dashboard.Tests.Webhooks;

/// <summary>
/// A Flux of its own for delivery tests: retries follow at once (a schedule of zero waits) and the clock is a
/// <see cref="ManualClock"/> that tests move forward, so "three days of failures" takes no real time.
/// </summary>
public sealed class WebhookDeliveryApp : IDisposable
{
    public const int Attempts = 9;

    public static IReadOnlyDictionary<string, string?> ImmediateRetries { get; } =
        Enumerable.Range(0, Attempts - 1).ToDictionary(i => $"Flux:Webhooks:RetrySchedule:{i}", _ => (string?)"00:00:00");

    public WebhookDeliveryApp() =>
        App = FluxAppFactory.Start(null, ImmediateRetries, services => services.AddSingleton<TimeProvider>(Clock));

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public FluxAppFactory App { get; }

    public void Dispose() => App.Dispose();
}

/// <summary>Reading deliveries and creating endpoints straight from a running Flux.</summary>
internal static class WebhookFixtures
{
    public static async Task<(string Id, string Secret)> CreateEndpointAsync(this FluxAppFactory app, MerchantScope scope, string url, params string[] events)
    {
        var result = await app.Services.GetRequiredService<WebhookEndpointService>()
            .CreateAsync(scope, url, events.Length == 0 ? ["*"] : events, null);
        Assert.Empty(result.Errors);
        return (result.Value!.Id, result.Value.Secret);
    }

    public static async Task<IReadOnlyList<WebhookDeliveryLog>> DeliveriesAsync(this FluxAppFactory app, MerchantScope scope, string endpointId) =>
        await app.Services.GetRequiredService<WebhookEndpointService>().DeliveriesAsync(scope, endpointId);

    /// <summary>Waits until the endpoint's deliveries satisfy the condition.</summary>
    public static async Task<IReadOnlyList<WebhookDeliveryLog>> WaitForDeliveriesAsync(
        this FluxAppFactory app, MerchantScope scope, string endpointId, Func<IReadOnlyList<WebhookDeliveryLog>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var logs = await app.DeliveriesAsync(scope, endpointId);
            if (done(logs))
                return logs;
            Assert.True(DateTime.UtcNow < deadline, $"Deliveries did not settle: {string.Join("; ", logs.Select(l => $"{l.Delivery.State} x{l.Attempts.Count}"))}");
            await Task.Delay(100);
        }
    }

    public static async Task<WebhookEndpoint> EndpointAsync(this FluxAppFactory app, string endpointId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        return await db.Set<WebhookEndpoint>().AsNoTracking().SingleAsync(e => e.Id == endpointId);
    }

    public static async Task<string> NewOrderEventAsync(this HttpClient client)
    {
        var order = await client.CreateOrderAsync();
        return order.GetProperty("order_id").GetString()!;
    }
}
