using System.Net;

namespace Flux.Dashboard.Api.RateLimiting;

/// <summary>
/// The API's allowances (<see cref="ApiRateLimitOptions"/>), counted in this process (<see cref="ApiRateLimiter"/>) or,
/// with Redis configured, across every instance (<c>Features/ScaleOut/RedisApiRateLimits</c>).
/// </summary>
public interface IApiRateLimits
{
    /// <summary>Counts a request of the API key <paramref name="keyId"/>, whose mode sets its allowance.</summary>
    ValueTask<RateLimitAnswer> AcquireForKeyAsync(string keyId, bool livemode, CancellationToken cancellationToken);

    /// <summary>Counts a request from <paramref name="address"/> (without a valid key, or on a public endpoint).</summary>
    ValueTask<RateLimitAnswer> AcquireForAddressAsync(IPAddress address, CancellationToken cancellationToken);

    /// <summary>Counts a simulated payment of the merchant <paramref name="merchantId"/>, across its test keys.</summary>
    ValueTask<RateLimitAnswer> AcquireForSandboxPaymentAsync(string merchantId, CancellationToken cancellationToken);
}

/// <summary>Whether a request is within its allowance, and if not, how long until it is whole again.</summary>
public readonly record struct RateLimitAnswer(bool Allowed, TimeSpan RetryAfter);
