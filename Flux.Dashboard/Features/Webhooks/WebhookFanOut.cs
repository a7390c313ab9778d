using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary>Turns each dispatched event into one delivery per enabled endpoint of its merchant and mode that subscribes to its type.</summary>
public sealed class WebhookFanOut(WebhookDeliveries deliveries, TimeProvider clock) : IOutboxFanOut
{
    /// <summary>Compiled once: it runs for every batch of orders, where EF's own query pipeline cost more than the query.</summary>
    private static readonly Func<FluxDbContext, string[], IAsyncEnumerable<WebhookEndpoint>> EnabledEndpointsOf = EF.CompileAsyncQuery(
        (FluxDbContext db, string[] merchantIds) => db.Set<WebhookEndpoint>().AsNoTracking()
            .Where(e => merchantIds.Contains(e.MerchantId) && e.Status == WebhookEndpointStatus.Enabled));

    public async Task<Action> StageAsync(FluxDbContext db, IReadOnlyList<OutboxEvent> batch, CancellationToken cancellationToken)
    {
        var endpoints = await EnabledEndpointsOf(db, batch.Select(e => e.MerchantId).Distinct().ToArray()).ToListAsync(cancellationToken);
        var staged = new List<string>();
        foreach (var outboxEvent in batch)
        {
            foreach (var endpoint in endpoints.Where(e => e.MerchantId == outboxEvent.MerchantId && e.Livemode == outboxEvent.Livemode && e.Subscribes(outboxEvent.Type)))
            {
                var delivery = WebhookDeliveries.New(endpoint.Id, outboxEvent, clock.GetUtcNow());
                db.Add(delivery);
                staged.Add(delivery.Id);
            }
        }
        return () => staged.ForEach(deliveries.Enqueue);
    }
}
