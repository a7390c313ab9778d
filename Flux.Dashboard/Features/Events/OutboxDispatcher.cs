using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// Delivers outbox events in order to the in-process <see cref="EventBus"/>, then marks them dispatched. Woken at once
/// after a change commits, and every second anyway, so events written before a crash go out after the restart.
/// </summary>
public sealed class OutboxDispatcher(IDbContextFactory<FluxDbContext> dbFactory, EventBus bus, TimeProvider clock, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private const int BatchSize = 500;
    private readonly SemaphoreSlim wake = new(0);

    /// <summary>Asks for a dispatch now (after a commit that appended events).</summary>
    public void Wake()
    {
        if (wake.CurrentCount == 0)
            wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatchAsync(stoppingToken) == BatchSize) { }
                await wake.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }

    private async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var batch = await db.Set<OutboxEvent>().Where(e => e.DispatchedAt == null).OrderBy(e => e.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var outboxEvent in batch)
        {
            await bus.PublishAsync(outboxEvent);
            outboxEvent.DispatchedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
        return batch.Count;
    }
}
