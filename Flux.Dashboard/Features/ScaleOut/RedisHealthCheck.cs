using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Flux.Dashboard.Features.ScaleOut;

/// <summary>
/// Redis answers a PING. Unreachable, this instance is degraded, not unready: it still takes payments and serves every
/// request; only other instances' live updates and cache invalidations wait for Redis (docs/scale-out.md).
/// </summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:N1} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis unreachable: other instances' live updates wait for it", ex);
        }
    }
}
