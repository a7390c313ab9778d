using System.ComponentModel.DataAnnotations;

namespace Flux.Dashboard.Api.RateLimiting;

/// <summary>
/// How many requests the API allows per <see cref="Window"/> (<c>Flux:Api:RateLimits</c>); by default Stripe's: 100/s
/// per live key, 25/s per test key.
/// </summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "Flux:Api:RateLimits";

    /// <summary>Per live key (<c>sk_live_…</c>, <c>pk_live_…</c>).</summary>
    [Range(1, 1_000_000)]
    public int LiveKeyRequests { get; set; } = 100;

    /// <summary>Per test key (<c>sk_test_…</c>, <c>pk_test_…</c>).</summary>
    [Range(1, 1_000_000)]
    public int TestKeyRequests { get; set; } = 25;

    /// <summary>Per client IP, for requests without a valid key (guessing keys, public endpoints).</summary>
    [Range(1, 1_000_000)]
    public int ClientIpRequests { get; set; } = 25;

    /// <summary>
    /// Simulated payments (<c>POST /v1/sandbox/payments</c>) per merchant, whatever test keys they use: one merchant's
    /// script cannot flood the sandbox ledger every merchant's tests share.
    /// </summary>
    [Range(1, 1_000_000)]
    public int SandboxPaymentsPerMerchant { get; set; } = 25;

    /// <summary>The period the counts are per, and after which a spent allowance is whole again: one second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);
}
