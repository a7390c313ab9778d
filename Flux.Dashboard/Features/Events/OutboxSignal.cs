namespace Flux.Dashboard.Features.Events;

/// <summary>The dispatcher's doorbell: rung when new events commit (<see cref="OutboxWake"/>), waited on by <see cref="OutboxDispatcher"/>.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim bell = new(0);

    public void Ring()
    {
        if (bell.CurrentCount == 0)
            bell.Release();
    }

    /// <summary>True when rung within <paramref name="timeout"/>.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => bell.WaitAsync(timeout, cancellationToken);
}
