using Microsoft.Extensions.Time.Testing;

namespace Flux.Dashboard.Tests.Support;

/// <summary>
/// The tests' one fake clock: time moves only when a test says (<see cref="FakeTimeProvider.Advance"/>), and it tells when
/// code under test starts waiting for a given delay.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    public ManualClock() : this(DateTimeOffset.UtcNow)
    {
    }

    private readonly List<TimeSpan> _timers = [];
    private readonly SemaphoreSlim _timerCreated = new(0);

    public IReadOnlyList<TimeSpan> Timers
    {
        get
        {
            lock (_timers)
            {
                return _timers.ToList();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_timers)
        {
            _timers.Add(dueTime);
        }
        _timerCreated.Release();
        return timer;
    }

    /// <summary>Waits (in real time) until the <paramref name="occurrence"/>-th timer of <paramref name="dueTime"/> exists.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime, int occurrence = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Timers.Count(t => t == dueTime) < occurrence)
        {
            await _timerCreated.WaitAsync(timeout.Token);
        }
    }
}
