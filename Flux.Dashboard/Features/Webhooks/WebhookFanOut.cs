using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary>Turns each dispatched event into one delivery per enabled endpoint of its merchant and mode that subscribes to its type.</summary>
public sealed class WebhookFanOut(WebhookDeliveries deliveries, TimeProvider clock) : IOutboxFanOut
{
    public async Task<Action> StageAsync(FluxDbContext db, IReadOnlyList<OutboxEvent> batch, CancellationToken cancellationToken)
    {
        var merchantIds = batch.Select(e => e.MerchantId).Distinct().ToList();
        var endpoints = await db.Set<WebhookEndpoint>().AsNoTracking()
            .Where(e => merchantIds.Contains(e.MerchantId) && e.Status == WebhookEndpointStatus.Enabled)
            .ToListAsync(cancellationToken);
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
