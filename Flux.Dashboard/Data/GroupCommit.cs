using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Data;

/// <summary>
/// Commits the inserts of concurrent callers together: one writer takes every insert queued while the previous commit
/// ran and saves them in one SQLite transaction, so one disk sync (<c>synchronous=FULL</c>) serves many requests. Each
/// caller's task completes only once its rows are committed. When a transaction fails, each of its callers is tried
/// again alone, so only the caller whose rows fail sees the error.
/// </summary>
public sealed class GroupCommit(IDbContextFactory<FluxDbContext> dbFactory, WriteGate writeGate)
{
    /// <summary>The most callers one transaction takes.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new() { SingleReader = true });
    private int writerRunning;

    private sealed record Pending(Action<FluxDbContext> Stage, TaskCompletionSource Committed);

    /// <summary>Completes when <paramref name="stage"/>'s rows are committed; faults with the error that kept them out.</summary>
    /// <param name="stage">
    /// Adds the caller's rows to the context it is given. It may run more than once (a failed batch is retried caller by
    /// caller), so it adds new objects for rows whose values the database generates.
    /// </param>
    public Task CommitAsync(Action<FluxDbContext> stage)
    {
        var pending = new Pending(stage, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        queue.Writer.TryWrite(pending);
        StartWriter();
        return pending.Committed.Task;
    }

    private void StartWriter()
    {
        if (Interlocked.CompareExchange(ref writerRunning, 1, 0) == 0)
            _ = Task.Run(WriteAsync);
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (true)
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
                batch.Add(pending);
            if (batch.Count == 0)
            {
                Volatile.Write(ref writerRunning, 0);
                // A caller that queued after the last read but saw this writer still running is served by a new one.
                if (queue.Reader.TryPeek(out _))
                    StartWriter();
                return;
            }
            await CommitBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitBatchAsync(IReadOnlyList<Pending> batch)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            foreach (var pending in batch)
                pending.Stage(db);
            using (await writeGate.EnterAsync(CancellationToken.None))
                await db.SaveChangesAsync();
        }
        catch (Exception ex)
        {
            if (batch.Count == 1)
            {
                batch[0].Committed.TrySetException(ex);
                return;
            }
            foreach (var pending in batch)
                await CommitBatchAsync([pending]);
            return;
        }
        foreach (var pending in batch)
            pending.Committed.TrySetResult();
    }
}
