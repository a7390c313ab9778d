using System.Runtime.CompilerServices;
using Flux.Dashboard.Chain.Watching;

namespace Flux.Dashboard.Tests.Chain.Watching;

public sealed class ReadyBatchesTests
{
    [Fact]
    public async Task A_backlog_comes_in_full_batches_in_order()
    {
        var batches = new List<IReadOnlyList<int>>();
        await foreach (var batch in Backlog(10).InReadyBatchesAsync(4))
        {
            batches.Add(batch);
            // Handling takes a while; meanwhile the rest of the backlog is read ahead (the first batch may be short).
            await Task.Delay(50);
        }

        Assert.Equal(Enumerable.Range(0, 10), batches.SelectMany(b => b));
        Assert.All(batches, b => Assert.InRange(b.Count, 1, 4));
        Assert.Contains(batches, b => b.Count == 4);
    }

    [Fact]
    public async Task A_trickle_comes_one_item_at_a_time_as_soon_as_it_is_ready()
    {
        var next = new SemaphoreSlim(0);
        var batches = new List<IReadOnlyList<int>>();
        await foreach (var batch in Trickle(3, next).InReadyBatchesAsync(100))
        {
            batches.Add(batch);
            next.Release();
        }

        Assert.Equal([[0], [1], [2]], batches.Select(b => b.ToArray()));
    }

    [Fact]
    public async Task A_failing_source_hands_over_every_item_read_before_the_failure()
    {
        var received = new List<int>();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var batch in FailingAfter(3).InReadyBatchesAsync(2))
                received.AddRange(batch);
        });

        Assert.Equal("stream broke", failure.Message);
        Assert.Equal([0, 1, 2], received);
    }

    [Fact]
    public async Task Leaving_early_stops_reading_the_source()
    {
        var stopped = new TaskCompletionSource();
        await foreach (var batch in Endless(stopped).InReadyBatchesAsync(8))
            break;

        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static async IAsyncEnumerable<int> Backlog(int count)
    {
        await Task.Yield();
        for (var i = 0; i < count; i++)
            yield return i;
    }

    private static async IAsyncEnumerable<int> Trickle(int count, SemaphoreSlim next)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
            await next.WaitAsync();
        }
    }

    private static async IAsyncEnumerable<int> FailingAfter(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }
        throw new InvalidOperationException("stream broke");
    }

    private static async IAsyncEnumerable<int> Endless(TaskCompletionSource stopped, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            for (var i = 0; ; i++)
            {
                await Task.Delay(1, cancellationToken);
                yield return i;
            }
        }
        finally
        {
            stopped.TrySetResult();
        }
    }
}
