using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Api.RateLimiting;

/// <summary>
/// The API's allowances: each API key, and each client IP, may make its number of requests per
/// <see cref="ApiRateLimitOptions.Window"/>; the allowance is whole again when the window that began with the first
/// counted request ends. Keeps one small counter per key or IP seen in the last window and drops the rest, so a flood
/// of addresses cannot grow it without bound.
/// </summary>
/// <remarks>
/// ASP.NET Core's rate limiting middleware did the same with a token bucket per partition, at about an eighth of an
/// order's whole CPU cost (docs/performance.md, P3): a partition key string, a factory closure and a lease per request,
/// and a lock around its partition table.
/// </remarks>
public sealed class ApiRateLimiter(IOptions<ApiRateLimitOptions> options, TimeProvider clock) : IApiRateLimits
{
    private readonly ConcurrentDictionary<string, Allowance> keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IPAddress, Allowance> addresses = new();
    private readonly ConcurrentDictionary<string, Allowance> sandboxPayers = new(StringComparer.Ordinal);
    private long lastSweep = clock.GetTimestamp();

    /// <summary>Counts a request of the API key <paramref name="keyId"/>; false, with the wait, once its allowance is spent.</summary>
    public bool TryAcquireForKey(string keyId, bool livemode, out TimeSpan retryAfter)
    {
        var limits = options.Value;
        return TryAcquire(keys, keyId, livemode ? limits.LiveKeyRequests : limits.TestKeyRequests, out retryAfter);
    }

    /// <summary>Counts a request from <paramref name="address"/> (without a valid key, or on a public endpoint).</summary>
    public bool TryAcquireForAddress(IPAddress address, out TimeSpan retryAfter) =>
        TryAcquire(addresses, address, options.Value.ClientIpRequests, out retryAfter);

    /// <summary>Counts a simulated payment of the merchant <paramref name="merchantId"/>, across its test keys.</summary>
    public bool TryAcquireForSandboxPayment(string merchantId, out TimeSpan retryAfter) =>
        TryAcquire(sandboxPayers, merchantId, options.Value.SandboxPaymentsPerMerchant, out retryAfter);

    ValueTask<RateLimitAnswer> IApiRateLimits.AcquireForKeyAsync(string keyId, bool livemode, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new RateLimitAnswer(TryAcquireForKey(keyId, livemode, out var retryAfter), retryAfter));

    ValueTask<RateLimitAnswer> IApiRateLimits.AcquireForAddressAsync(IPAddress address, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new RateLimitAnswer(TryAcquireForAddress(address, out var retryAfter), retryAfter));

    ValueTask<RateLimitAnswer> IApiRateLimits.AcquireForSandboxPaymentAsync(string merchantId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new RateLimitAnswer(TryAcquireForSandboxPayment(merchantId, out var retryAfter), retryAfter));

    /// <summary>How many keys, addresses and merchants have a counter: those counted in the current window, at least.</summary>
    public int Tracked => keys.Count + addresses.Count + sandboxPayers.Count;

    private bool TryAcquire<TKey>(ConcurrentDictionary<TKey, Allowance> table, TKey id, int requests, out TimeSpan retryAfter)
        where TKey : notnull
    {
        var window = options.Value.Window;
        var now = clock.GetTimestamp();
        SweepIfDue(now, window);
        while (true)
        {
            var allowance = table.GetOrAdd(id, static _ => new Allowance());
            lock (allowance)
            {
                // Swept meanwhile: its replacement is the one to count on.
                if (allowance.Retired)
                    continue;
                if (allowance.Used == 0 || clock.GetElapsedTime(allowance.WindowStart, now) >= window)
                {
                    allowance.WindowStart = now;
                    allowance.Used = 0;
                }
                if (allowance.Used < requests)
                {
                    allowance.Used++;
                    retryAfter = TimeSpan.Zero;
                    return true;
                }
                retryAfter = window - clock.GetElapsedTime(allowance.WindowStart, now);
                return false;
            }
        }
    }

    /// <summary>At most once a window, drops the counters whose window has ended: they would start afresh anyway.</summary>
    private void SweepIfDue(long now, TimeSpan window)
    {
        var last = Interlocked.Read(ref lastSweep);
        if (clock.GetElapsedTime(last, now) < window || Interlocked.CompareExchange(ref lastSweep, now, last) != last)
            return;
        Sweep(keys, now, window);
        Sweep(addresses, now, window);
        Sweep(sandboxPayers, now, window);
    }

    private void Sweep<TKey>(ConcurrentDictionary<TKey, Allowance> table, long now, TimeSpan window) where TKey : notnull
    {
        foreach (var (id, allowance) in table)
        {
            lock (allowance)
            {
                if (clock.GetElapsedTime(allowance.WindowStart, now) < window)
                    continue;
                allowance.Retired = true;
            }
            table.TryRemove(new KeyValuePair<TKey, Allowance>(id, allowance));
        }
    }

    private sealed class Allowance
    {
        public long WindowStart;
        public int Used;
        public bool Retired;
    }
}
