using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Features.Accounts;

/// <summary>The sign-in throttle of one Flux process (<see cref="SignInThrottleOptions"/>).</summary>
public sealed class InMemorySignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider clock) : ISignInThrottle, IDisposable
{
    private readonly FailureWindows clients = new(options.Value.FailuresPerClient, options.Value.ClientWindow, clock);
    private readonly FailureWindows accounts = new(options.Value.FailuresPerAccount, options.Value.AccountWindow, clock);

    public ValueTask<TimeSpan> WaitAsync(SignInAttempt attempt, CancellationToken cancellationToken)
    {
        var client = clients.WaitFor(attempt.ClientKey);
        var account = accounts.WaitFor(attempt.Account);
        return ValueTask.FromResult(client > account ? client : account);
    }

    public ValueTask RecordFailureAsync(SignInAttempt attempt, CancellationToken cancellationToken)
    {
        clients.Fail(attempt.ClientKey);
        accounts.Fail(attempt.Account);
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        clients.Dispose();
        accounts.Dispose();
    }

    /// <summary>
    /// At most <c>failures</c> per window and key, counted by .NET's fixed-window rate limiters: each failure takes a
    /// permit, and an attempt may go ahead while its key has one left. The window's number is part of the partition, so
    /// windows follow the injected clock (the wait left is exact, tests can move time); a limiter's own window, as long,
    /// only lets .NET drop its partition once the window is over, so keys seen once do not pile up.
    /// </summary>
    private sealed class FailureWindows(int failures, TimeSpan window, TimeProvider clock) : IDisposable
    {
        private readonly PartitionedRateLimiter<(string Key, long Window)> limiter =
            PartitionedRateLimiter.Create<(string Key, long Window), (string Key, long Window)>(partition =>
                RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = failures,
                    Window = window,
                    QueueLimit = 0,
                    // The partitioned limiter's one timer renews the windows, instead of a timer per partition.
                    AutoReplenishment = false,
                }));

        public TimeSpan WaitFor(string key)
        {
            var (number, left) = CurrentWindow();
            return limiter.GetStatistics((key, number))?.CurrentAvailablePermits > 0 ? TimeSpan.Zero : left;
        }

        public void Fail(string key)
        {
            using var _ = limiter.AttemptAcquire((key, CurrentWindow().Number));
        }

        public void Dispose() => limiter.Dispose();

        private SignInWindow CurrentWindow() => SignInWindow.Now(clock, window);
    }
}
