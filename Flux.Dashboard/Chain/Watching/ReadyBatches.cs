using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Flux.Dashboard.Chain.Watching;

public static class ReadyBatches
{
    /// <summary>
    /// Reads <paramref name="source"/> ahead (at most <paramref name="maxBatch"/> items beyond the batch being handled)
    /// and yields, in order, every item that is ready — up to <paramref name="maxBatch"/> — as one batch: a slow
    /// trickle comes one by one, a backlog in full batches. A failure of the source ends the batches with that failure
    /// after every item read before it.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<T>> InReadyBatchesAsync<T>(
        this IAsyncEnumerable<T> source, int maxBatch, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(maxBatch) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readAhead = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in source.WithCancellation(stop.Token))
                    await channel.Writer.WriteAsync(item, stop.Token);
                channel.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                channel.Writer.TryComplete(ex);
            }
        }, CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                var batch = new List<T>();
                while (batch.Count < maxBatch && channel.Reader.TryRead(out var item))
                    batch.Add(item);
                yield return batch;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await readAhead;
        }
    }
}
