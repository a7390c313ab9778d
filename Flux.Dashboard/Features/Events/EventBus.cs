using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using System.Threading.Channels;
using Flux.Dashboard.Features.Accounts;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// In-process fan-out of dispatched events to whoever listens for a merchant in one mode: open dashboards and the
/// checkout (each circuit, through <c>LiveEvents</c>) and the API's live streams (woken by it, they read the outbox
/// themselves). Publishing only queues: each listener has its own bounded queue, drained in order by a loop of its own,
/// so a listener that throws is logged and skipped, and one that blocks delays nobody else. A listener that falls more
/// than <see cref="QueueLength"/> events behind loses the oldest ones (listeners reload what they show from the database).
/// Events dispatched here reach the listeners of the other instances too, and theirs reach ours
/// (<see cref="IOtherInstances"/>, Redis when configured); a batch lost on the way is still in the database, which the
/// API's streams read at their next heartbeat.
/// </summary>
public sealed class EventBus
{
    public const int QueueLength = 1000;

    private const string Topic = "events";

    private readonly ConcurrentDictionary<MerchantScope, ImmutableArray<Listener>> listeners = new();
    private readonly IOtherInstances others;
    private readonly ILogger<EventBus> logger;

    public EventBus(IOtherInstances others, ILogger<EventBus> logger)
    {
        (this.others, this.logger) = (others, logger);
        others.Listen(Topic, batch =>
        {
            PublishHere(JsonSerializer.Deserialize<List<OutboxEvent>>(batch)!);
            return Task.CompletedTask;
        });
    }

    public IDisposable Subscribe(MerchantScope scope, Func<EventNotification, Task> handler)
    {
        var listener = new Listener(scope, handler, logger);
        listeners.AddOrUpdate(scope, _ => [listener], (_, current) => current.Add(listener));
        return new Subscription(() =>
        {
            var left = listeners.AddOrUpdate(scope, _ => [], (_, current) => current.Remove(listener));
            // Only if no one subscribed meanwhile: the very array just written.
            if (left.IsEmpty)
                listeners.TryRemove(KeyValuePair.Create(scope, left));
            listener.Stop();
        });
    }

    /// <summary>Queues the events, just dispatched here, for their merchants' listeners on every instance, in order; returns at once.</summary>
    public void Publish(IReadOnlyList<OutboxEvent> events)
    {
        PublishHere(events);
        // Not waited for: the dispatcher goes on with its next batch, and the message keeps its place on the connection.
        if (others.MayExist)
            _ = others.TellAsync(Topic, JsonSerializer.Serialize(events));
    }

    private void PublishHere(IEnumerable<OutboxEvent> events)
    {
        foreach (var outboxEvent in events)
        {
            if (!listeners.TryGetValue(new MerchantScope(outboxEvent.MerchantId, outboxEvent.Livemode), out var listening) || listening.IsEmpty)
                continue;
            var notification = EventNotification.Of(outboxEvent);
            foreach (var listener in listening)
                listener.Enqueue(notification);
        }
    }

    private sealed class Listener
    {
        private readonly Channel<EventNotification> queue;
        private readonly Func<EventNotification, Task> handler;
        private readonly ILogger logger;
        private readonly MerchantScope scope;
        private int dropped;

        public Listener(MerchantScope scope, Func<EventNotification, Task> handler, ILogger logger)
        {
            (this.scope, this.handler, this.logger) = (scope, handler, logger);
            queue = Channel.CreateBounded<EventNotification>(
                new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ => Interlocked.Increment(ref dropped));
            _ = Task.Run(DrainAsync);
        }

        public void Enqueue(EventNotification notification) => queue.Writer.TryWrite(notification);

        public void Stop() => queue.Writer.TryComplete();

        private async Task DrainAsync()
        {
            await foreach (var notification in queue.Reader.ReadAllAsync())
            {
                if (Interlocked.Exchange(ref dropped, 0) is > 0 and var lost)
                    logger.LogWarning("A listener of merchant {MerchantId} fell behind and missed {Count} events", scope.MerchantId, lost);
                try
                {
                    await handler(notification);
                }
                catch (ObjectDisposedException)
                {
                    // A circuit that closed while the event was on its way: nothing to tell it any more.
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "A listener of merchant {MerchantId} failed on event {EventId} ({Type})", scope.MerchantId, notification.Event.Id, notification.Type);
                }
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                dispose();
        }
    }
}
