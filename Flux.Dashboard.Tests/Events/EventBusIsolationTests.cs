using System.Collections.Concurrent;
using System.Text.Json;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Flux.Dashboard.Tests.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Events;

/// <summary>
/// One bad listener cannot stall the live layer: while one of a merchant's listeners throws on every event and another
/// blocks for 40 s, the events are dispatched, webhooks go out and a healthy listener gets every event, once, in order.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class EventBusIsolationTests(FluxAppFactory app)
{
    private const int Events = 100;
    private static readonly TimeSpan OnTime = TimeSpan.FromSeconds(15);
    // Long enough for 100 webhook jobs on a loaded machine, so only a dispatch that waits for the blocking listener misses it.
    private static readonly TimeSpan Blocked = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task A_throwing_and_a_blocking_listener_hold_up_neither_dispatch_nor_webhooks_nor_a_healthy_listener()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        await using var receiver = await WebhookReceiver.StartAsync();
        await app.CreateEndpointAsync(scope, receiver.Url, OrderCanceled.Type);
        var bus = app.Services.GetRequiredService<EventBus>();
        var healthy = new ConcurrentQueue<string>();
        var thrown = 0;
        using var throwing = bus.Subscribe(scope, _ =>
        {
            Interlocked.Increment(ref thrown);
            throw new InvalidOperationException("A page that fails on every event");
        });
        using var blocking = bus.Subscribe(scope, _ => Task.Delay(Blocked));
        using var listening = bus.Subscribe(scope, e =>
        {
            healthy.Enqueue(e.Event.Id);
            return Task.CompletedTask;
        });

        var started = DateTime.UtcNow;
        var appended = await AppendAsync(scope);

        await WaitUntilAsync(() => Task.FromResult(healthy.Count >= Events), "the healthy listener got every event");
        await WaitUntilAsync(async () => await UndispatchedAsync(scope) == 0, "every event is dispatched");
        var webhooks = await receiver.WaitForAsync(Events, Blocked);
        Assert.True(DateTime.UtcNow - started < Blocked, "All of it happened while the blocking listener was still on its first event.");
        Assert.Equal(appended, healthy);
        Assert.True(thrown > 0);
        Assert.Equal(appended.Order(), webhooks.Select(w => JsonDocument.Parse(w.Body).RootElement.GetProperty("id").GetString()!).Order());
    }

    /// <summary>The events, in three commits (each wakes the dispatcher); their ids in outbox order.</summary>
    private async Task<List<string>> AppendAsync(Flux.Dashboard.Features.Accounts.MerchantScope scope)
    {
        var ids = new List<string>();
        foreach (var chunk in Enumerable.Range(0, Events).Chunk(34))
        {
            await using var db = await app.DbAsync();
            var appended = chunk.Select(i => Outbox.Append(db, scope.MerchantId, scope.Livemode, new OrderCanceled($"ord_isolated{i}"), DateTimeOffset.UtcNow)).ToList();
            await db.SaveChangesAsync();
            ids.AddRange(appended.OrderBy(e => e.Sequence).Select(e => e.Id));
        }
        return ids;
    }

    private async Task<int> UndispatchedAsync(Flux.Dashboard.Features.Accounts.MerchantScope scope)
    {
        await using var db = await app.DbAsync();
        return await db.Set<OutboxEvent>().CountAsync(e => e.MerchantId == scope.MerchantId && e.DispatchedAt == null);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow + OnTime;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not within {OnTime.TotalSeconds} s: {what}.");
            await Task.Delay(20);
        }
    }
}
