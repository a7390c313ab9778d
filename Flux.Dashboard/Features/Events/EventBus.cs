using System.Collections.Concurrent;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// In-process fan-out of dispatched events to whoever listens for a merchant: open dashboards (each Blazor circuit
/// subscribes) and the SDK event stream (woken by it, it reads the outbox itself).
/// </summary>
public sealed class EventBus
{
    private readonly ConcurrentDictionary<Guid, (string MerchantId, Func<OutboxEvent, Task> Handler)> subscribers = new();

    public IDisposable Subscribe(string merchantId, Func<OutboxEvent, Task> handler)
    {
        var id = Guid.NewGuid();
        subscribers[id] = (merchantId, handler);
        return new Subscription(() => subscribers.TryRemove(id, out _));
    }

    public async Task PublishAsync(OutboxEvent outboxEvent)
    {
        foreach (var (_, (merchantId, handler)) in subscribers)
        {
            if (merchantId != outboxEvent.MerchantId)
                continue;
            try
            {
                await handler(outboxEvent);
            }
            catch (ObjectDisposedException)
            {
                // A circuit that closed between the lookup and the call: nothing to tell it any more.
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
