using System.Collections.Concurrent;
using Flux.Dashboard.Common;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Tests.Events;

/// <summary>
/// Flux stopped with events in the outbox that were never dispatched: after the restart each goes to the in-process bus
/// exactly once, and the SDK stream replays them (webhook delivery after a restart is the webhooks feature's test).
/// </summary>
public sealed class OutboxRestartTests : IDisposable
{
    private static readonly Dictionary<string, string?> Defaults = new();

    private readonly string folder = Path.Combine(Path.GetTempPath(), "flux-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Events_undispatched_at_start_are_published_exactly_once_and_streamed()
    {
        ApiMerchant merchant;
        string lastDispatched;
        using (var first = FluxAppFactory.Start(folder, Defaults))
        {
            merchant = await first.NewApiMerchantAsync();
            using var api = first.ApiClient(merchant.TestKey);
            await api.CreateOrderAsync(1m, Flux.Dashboard.Chain.SandboxTestWallet.Address);
            lastDispatched = await WaitForAllDispatchedAsync();
        }

        var undelivered = await AppendAsync(merchant, 3);

        var published = new ConcurrentQueue<string>();
        using (var second = FluxAppFactory.Start(folder, Defaults, services => services.AddSingleton(Listening(merchant, published))))
        {
            // Dispatched, an event is never published again: once all are, the count is final.
            Assert.Equal(undelivered[^1], await WaitForAllDispatchedAsync());
            await WaitUntilAsync(() => published.Count >= undelivered.Count);
            Assert.Equal(undelivered, published);

            await using var stream = await EventStreamClient.OpenAsync(second, merchant.TestKey, lastEventId: lastDispatched);
            var replayed = await stream.NextEventsAsync(undelivered.Count);
            Assert.Equal(undelivered, replayed.Select(f => f.Id));
            Assert.All(replayed, f => Assert.Equal(OrderExpired.Type, f.Event));
        }

        var afterAnotherRestart = new ConcurrentQueue<string>();
        using (FluxAppFactory.Start(folder, Defaults, services => services.AddSingleton(Listening(merchant, afterAnotherRestart))))
        {
            var marker = await AppendAsync(merchant, 1);
            await WaitUntilAsync(() => afterAnotherRestart.Contains(marker[0]));
            // Events are published in outbox order: one published again at start would have come before the marker.
            Assert.Equal(marker, afterAnotherRestart);
        }
    }

    /// <summary>The bus the restarted app uses, already listening to the merchant, so nothing published at start is missed.</summary>
    private static EventBus Listening(ApiMerchant merchant, ConcurrentQueue<string> published)
    {
        var bus = new EventBus(new NoOtherInstances(), Microsoft.Extensions.Logging.Abstractions.NullLogger<EventBus>.Instance);
        bus.Subscribe(merchant.TestScope, e =>
        {
            published.Enqueue(e.Event.Id);
            return Task.CompletedTask;
        });
        return bus;
    }

    /// <summary>
    /// Events written to the outbox past Flux, as a crash between commit and dispatch leaves them (nothing wakes the
    /// dispatcher: it finds them when it looks, at start or within a second).
    /// </summary>
    private async Task<List<string>> AppendAsync(ApiMerchant merchant, int count)
    {
        await using var db = Database();
        var appended = Enumerable.Range(0, count)
            .Select(i => Outbox.Append(db, merchant.MerchantId, false, new OrderExpired($"ord_offline{i}", 1m, 0m), DateTimeOffset.UtcNow))
            .ToList();
        await db.SaveChangesAsync();
        return appended.OrderBy(e => e.Sequence).Select(e => e.Id).ToList();
    }

    /// <summary>Waits until the outbox has no undispatched row; returns the id of the last event.</summary>
    private async Task<string> WaitForAllDispatchedAsync()
    {
        await WaitUntilAsync(() =>
        {
            using var db = Database();
            return !db.Set<OutboxEvent>().Any(e => e.DispatchedAt == null);
        });
        await using var read = Database();
        return await read.Set<OutboxEvent>().OrderByDescending(e => e.Sequence).Select(e => e.Id).FirstAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(100);
        }
    }

    private FluxDbContext Database() => TestDatabaseEngine.ContextFor(folder);

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* best effort: the OS cleans the temp folder */ }
    }
}
