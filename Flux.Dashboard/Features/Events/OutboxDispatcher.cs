using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// Marks outbox events dispatched in order, then hands them to the in-process <see cref="EventBus"/>. Woken at once when
/// a change with events commits (<see cref="OutboxWake"/>), and every second anyway, so events written before a crash go
/// out after the restart. Under load a wake comes with every commit; dispatching at most every <see cref="MinInterval"/>
/// gathers them into one batch (one transaction) instead of one each.
/// Fan-outs (webhooks) stage their rows in the same transaction that marks the batch dispatched: exactly once each.
/// Listeners cannot hold a batch up: the bus only queues them. A hot writer may instead dispatch its events in its own
/// transaction (<see cref="DispatchWithinAsync"/>); the API's streams read the database in outbox order either way.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<FluxDbContext> dbFactory, WriteGate writeGate, EventBus bus, IEnumerable<IOutboxFanOut> fanOuts, OutboxSignal signal,
    TimeProvider clock, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private const int BatchSize = 500;
    private const string DispatchLock = "flux:outbox:dispatch";
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(10);
    private long lastDispatch;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatchAsync(stoppingToken) == BatchSize) { }
                await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
                // Real time, like the retry pause below.
                if (MinInterval - System.Diagnostics.Stopwatch.GetElapsedTime(lastDispatch) is { Ticks: > 0 } rest)
                    await Task.Delay(rest, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch failed; retrying");
                // A pause in real time, not on the domain clock: a clock that stands still (tests) must not stop dispatch.
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        lastDispatch = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var batch = await UndispatchedAsync(db, cancellationToken);
        if (batch.Count == 0)
            return 0;

        Action afterCommit;
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Another process's dispatcher may have read the same events: on PostgreSQL dispatchers take turns, and each
            // reads its batch again once it has its turn, so an event is staged, marked and published by one of them.
            if (await DatabaseLocks.LockAsync(db, DispatchLock, cancellationToken))
            {
                batch = await UndispatchedAsync(db, cancellationToken);
                if (batch.Count == 0)
                    return 0;
            }
            afterCommit = await StageFanOutsAsync(db, batch, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            // Sequences are handed out in commit order (SQLite's one writer; OutboxOrder's lock on PostgreSQL): every
            // event up to the batch's last sequence that is still undispatched is in the batch.
            var last = batch[^1].Sequence;
            var now = clock.GetUtcNow();
            await db.Set<OutboxEvent>().Where(e => e.DispatchedAt == null && e.Sequence <= last)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.DispatchedAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        afterCommit();
        bus.Publish(batch);
        return batch.Count;
    }

    private static Task<List<OutboxEvent>> UndispatchedAsync(FluxDbContext db, CancellationToken cancellationToken) =>
        db.Set<OutboxEvent>().AsNoTracking()
            .Where(e => e.DispatchedAt == null).OrderBy(e => e.Sequence).Take(BatchSize).ToListAsync(cancellationToken);

    /// <summary>
    /// Dispatches <paramref name="events"/> that the caller inserts in its own transaction on <paramref name="db"/>: marks
    /// them dispatched and stages the fan-outs' rows in <paramref name="db"/> (the caller saves them after the events), so
    /// all of it commits or fails together, and nothing is read back or written a second time. The returned callback runs
    /// the fan-outs' follow-ups and tells the bus; the caller calls it once it has committed. The order group commit uses
    /// it (<see cref="OutboxGroupCommitHook"/>): a batch of orders then costs one transaction, not two.
    /// </summary>
    public async Task<Action> DispatchWithinAsync(FluxDbContext db, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var outboxEvent in events)
            outboxEvent.DispatchedAt = now;
        var afterCommit = await StageFanOutsAsync(db, events, cancellationToken);
        return () =>
        {
            afterCommit();
            bus.Publish(events);
        };
    }

    private async Task<Action> StageFanOutsAsync(FluxDbContext db, IReadOnlyList<OutboxEvent> batch, CancellationToken cancellationToken)
    {
        var afterCommit = new List<Action>();
        foreach (var fanOut in fanOuts)
            afterCommit.Add(await fanOut.StageAsync(db, batch, cancellationToken));
        return () => afterCommit.ForEach(run => run());
    }
}
