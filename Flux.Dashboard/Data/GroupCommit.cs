using System.Threading.Channels;

namespace Flux.Dashboard.Data;

/// <summary>
/// Commits the inserts of concurrent callers together: one writer takes every insert queued while the previous commit
/// ran and writes them in one transaction (<see cref="IGroupCommitWriter"/>: on SQLite its own connection and prepared
/// INSERTs), so one disk sync serves many requests. Each caller's task completes only once its rows are committed. When a
/// transaction fails, each of its callers is tried again alone, so only the caller whose rows fail sees the error.
/// Hooks (<see cref="IGroupCommitHook"/>) take part in each transaction: the events feature dispatches the batch's events in it.
/// </summary>
public sealed class GroupCommit(IGroupCommitWriter writer, ILogger<GroupCommit> logger)
{
    /// <summary>The most callers one transaction takes.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new() { SingleReader = true });
    private int writerRunning;

    private sealed record Pending(IReadOnlyList<object> Rows, TaskCompletionSource Committed);

    /// <summary>Completes when <paramref name="rows"/> (new entities, inserted in order) are committed; faults with the error that kept them out.</summary>
    public Task CommitAsync(IReadOnlyList<object> rows)
    {
        var pending = new Pending(rows, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
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
        IReadOnlyList<Action> committed;
        try
        {
            committed = await writer.WriteAsync(batch.SelectMany(p => p.Rows).ToList());
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
        try
        {
            foreach (var run in committed)
                run();
        }
        catch (Exception ex)
        {
            // Committed all the same: the hooks' rows are saved (the webhook sweep sends a delivery whose job was not queued).
            logger.LogError(ex, "Follow-ups of a committed group of {Count} callers failed", batch.Count);
        }
    }
}
