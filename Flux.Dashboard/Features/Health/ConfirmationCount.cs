using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Features.Health;

/// <summary>
/// Counts confirmations (<see cref="FluxMetrics"/>) as their <c>order.confirmed</c> events are dispatched: once the
/// dispatch has committed, and by one instance only, so a confirmation rolled back is never counted and the instances'
/// counters add up to the orders confirmed.
/// </summary>
public sealed class ConfirmationCount(FluxMetrics metrics) : IOutboxFanOut
{
    public Task<Action> StageAsync(FluxDbContext db, IReadOnlyList<OutboxEvent> batch, CancellationToken cancellationToken) =>
        Task.FromResult<Action>(() =>
        {
            foreach (var outboxEvent in batch)
            {
                if (outboxEvent.Type == OrderConfirmed.Type)
                    metrics.Confirmed(outboxEvent.Livemode);
            }
        });
}
