using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Api.RateLimiting;

/// <summary>
/// The API's rate limit: a token bucket per API key (its size set by the key's mode), or per client IP for requests
/// without a valid key and for every request to <c>/v1/public</c> (browser code, whose publishable key anyone can copy). A rejected request is a 429 <c>rate_limit_exceeded</c> with <c>Retry-After</c>.
/// </summary>
public sealed class ApiRateLimitPolicy(IOptions<ApiRateLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "FluxApi";

    public const string Message =
        "Too many requests hit the API too quickly. Slow down, and retry after the number of seconds in the Retry-After header.";

    private static readonly object CallerKey = new();

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext http)
    {
        var limits = options.Value;
        var isPublic = http.GetEndpoint()?.Metadata.GetMetadata<PublicApiEndpointMetadata>() is not null;
        if (!isPublic && http.Items[CallerKey] is ApiKeyIdentity key)
        {
            var requests = key.Livemode ? limits.LiveKeyRequests : limits.TestKeyRequests;
            return RateLimitPartition.GetTokenBucketLimiter($"key:{key.KeyId}", _ => Bucket(requests, limits.Window));
        }
        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetTokenBucketLimiter($"ip:{ip}", _ => Bucket(limits.ClientIpRequests, limits.Window));
    }

    /// <summary>
    /// Authenticates the API key before the limiter partitions (the policy's own authentication runs later, in
    /// authorization, and reuses this result), so a request is counted against its key — or, without a valid key,
    /// against its IP before it is turned away with a 401.
    /// </summary>
    public static async Task IdentifyCallerAsync(HttpContext http, RequestDelegate next)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<ApiEndpointMetadata>() is not null
            && await http.AuthenticateAsync(ApiAuth.Scheme) is { Succeeded: true } result
            && ApiKeyIdentity.From(result.Principal) is { } key)
        {
            http.Items[CallerKey] = key;
        }
        await next(http);
    }

    private static TokenBucketRateLimiterOptions Bucket(int requests, TimeSpan window) => new()
    {
        TokenLimit = requests,
        TokensPerPeriod = requests,
        ReplenishmentPeriod = window,
        AutoReplenishment = true,
        QueueLimit = 0,
    };

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiError.RateLimitExceeded(Message).ExecuteAsync(http);
    }
}
