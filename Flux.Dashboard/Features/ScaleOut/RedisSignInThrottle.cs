using Flux.Dashboard.Features.Accounts;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Flux.Dashboard.Features.ScaleOut;

/// <summary>
/// The sign-in throttle counted in Redis, so it holds across instances: five wrong passwords spread over two instances
/// count as five. A counter per client and per account and window (<see cref="SignInWindow"/>), which expires with its
/// window; a check reads both in one round trip, a failure adds to both in another. While Redis is unreachable each
/// instance counts its own (<see cref="InMemorySignInThrottle"/>): sign-in neither stalls nor opens up for want of a counter.
/// </summary>
public sealed class RedisSignInThrottle(
    IConnectionMultiplexer redis, IOptions<SignInThrottleOptions> options, InMemorySignInThrottle inThisProcess, TimeProvider clock,
    ILogger<RedisSignInThrottle> logger) : ISignInThrottle
{
    private readonly SignInThrottleOptions limits = options.Value;

    public async ValueTask<TimeSpan> WaitAsync(SignInAttempt attempt, CancellationToken cancellationToken)
    {
        var (client, account) = Counters(attempt);
        try
        {
            var counts = await redis.GetDatabase().StringGetAsync([client.Key, account.Key]);
            var clientWait = (long)counts[0] >= limits.FailuresPerClient ? client.Window.Left : TimeSpan.Zero;
            var accountWait = (long)counts[1] >= limits.FailuresPerAccount ? account.Window.Left : TimeSpan.Zero;
            return clientWait > accountWait ? clientWait : accountWait;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug(ex, "Redis is unreachable: sign-in attempts are counted in this process");
            return await inThisProcess.WaitAsync(attempt, cancellationToken);
        }
    }

    public async ValueTask RecordFailureAsync(SignInAttempt attempt, CancellationToken cancellationToken)
    {
        var (client, account) = Counters(attempt);
        try
        {
            var batch = redis.GetDatabase().CreateBatch();
            var counted = new[] { client, account }.SelectMany(counter => new Task[]
            {
                batch.StringIncrementAsync(counter.Key),
                // A moment past the window's end, so a counter outlives no window it counts.
                batch.KeyExpireAsync(counter.Key, counter.Window.Left + TimeSpan.FromSeconds(1)),
            }).ToList();
            batch.Execute();
            await Task.WhenAll(counted);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug(ex, "Redis is unreachable: sign-in attempts are counted in this process");
            await inThisProcess.RecordFailureAsync(attempt, cancellationToken);
        }
    }

    private (Counter Client, Counter Account) Counters(SignInAttempt attempt)
    {
        var clientWindow = SignInWindow.Now(clock, limits.ClientWindow);
        var accountWindow = SignInWindow.Now(clock, limits.AccountWindow);
        return (new($"flux:signin:client:{attempt.ClientKey}:{clientWindow.Number}", clientWindow),
            new($"flux:signin:account:{attempt.Account}:{accountWindow.Number}", accountWindow));
    }

    private readonly record struct Counter(RedisKey Key, SignInWindow Window);
}
