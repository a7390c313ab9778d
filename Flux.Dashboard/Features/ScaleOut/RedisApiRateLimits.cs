using System.Net;
using System.Threading.RateLimiting;
using Flux.Dashboard.Api.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Flux.Dashboard.Features.ScaleOut;

/// <summary>
/// The API's allowances counted in Redis, so they hold across instances: a 25/s test key gets 25 requests a second in
/// all, not 25 on each instance. A fixed window per key, address or merchant (RedisRateLimiting: one Lua script, one
/// round trip per request). While Redis is unreachable each instance counts its own (<see cref="ApiRateLimiter"/>):
/// the API neither stalls nor refuses for want of a counter.
/// </summary>
public sealed class RedisApiRateLimits : IApiRateLimits, IDisposable
{
    private readonly PartitionedRateLimiter<string> liveKeys;
    private readonly PartitionedRateLimiter<string> testKeys;
    private readonly PartitionedRateLimiter<string> addresses;
    private readonly PartitionedRateLimiter<string> sandboxPayers;
    private readonly ApiRateLimiter inThisProcess;
    private readonly ILogger<RedisApiRateLimits> logger;
    private readonly TimeSpan window;

    public RedisApiRateLimits(IConnectionMultiplexer redis, IOptions<ApiRateLimitOptions> options, ApiRateLimiter inThisProcess,
        ILogger<RedisApiRateLimits> logger)
    {
        var limits = options.Value;
        (this.inThisProcess, this.logger, window) = (inThisProcess, logger, limits.Window);
        liveKeys = Limiter(redis, limits.LiveKeyRequests, window);
        testKeys = Limiter(redis, limits.TestKeyRequests, window);
        addresses = Limiter(redis, limits.ClientIpRequests, window);
        sandboxPayers = Limiter(redis, limits.SandboxPaymentsPerMerchant, window);
    }

    public ValueTask<RateLimitAnswer> AcquireForKeyAsync(string keyId, bool livemode, CancellationToken cancellationToken) =>
        AcquireAsync(livemode ? liveKeys : testKeys, $"flux:rate:key:{keyId}",
            () => new(inThisProcess.TryAcquireForKey(keyId, livemode, out var retryAfter), retryAfter), cancellationToken);

    public ValueTask<RateLimitAnswer> AcquireForAddressAsync(IPAddress address, CancellationToken cancellationToken) =>
        AcquireAsync(addresses, $"flux:rate:ip:{address}",
            () => new(inThisProcess.TryAcquireForAddress(address, out var retryAfter), retryAfter), cancellationToken);

    public ValueTask<RateLimitAnswer> AcquireForSandboxPaymentAsync(string merchantId, CancellationToken cancellationToken) =>
        AcquireAsync(sandboxPayers, $"flux:rate:sandbox:{merchantId}",
            () => new(inThisProcess.TryAcquireForSandboxPayment(merchantId, out var retryAfter), retryAfter), cancellationToken);

    public void Dispose()
    {
        liveKeys.Dispose();
        testKeys.Dispose();
        addresses.Dispose();
        sandboxPayers.Dispose();
    }

    private async ValueTask<RateLimitAnswer> AcquireAsync(PartitionedRateLimiter<string> limiter, string partition,
        Func<RateLimitAnswer> countHere, CancellationToken cancellationToken)
    {
        try
        {
            using var lease = await limiter.AcquireAsync(partition, 1, cancellationToken);
            if (lease.IsAcquired)
                return new(true, TimeSpan.Zero);
            return new(false, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug(ex, "Redis is unreachable: {Partition} is counted in this process", partition);
            return countHere();
        }
    }

    private static PartitionedRateLimiter<string> Limiter(IConnectionMultiplexer redis, int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(partition => RedisRateLimitPartition.GetFixedWindowRateLimiter(partition, _ =>
            new RedisFixedWindowRateLimiterOptions { ConnectionMultiplexerFactory = () => redis, PermitLimit = permits, Window = window }));
}
