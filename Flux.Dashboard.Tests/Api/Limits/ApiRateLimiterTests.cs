using System.Net;
using Flux.Dashboard.Api.RateLimiting;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Flux.Dashboard.Tests.Api.Limits;

/// <summary>
/// The allowances behind the API's 429s, on a fake clock: when an allowance is whole again, what Retry-After says, that
/// parallel requests never get more than the allowance, and that counters of ended windows are dropped.
/// </summary>
public sealed class ApiRateLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly ManualClock clock = new(DateTimeOffset.UtcNow);
    private readonly ApiRateLimiter limiter;

    public ApiRateLimiterTests() => limiter = new ApiRateLimiter(Options.Create(new ApiRateLimitOptions
    {
        LiveKeyRequests = 4,
        TestKeyRequests = 2,
        ClientIpRequests = 3,
        Window = Window,
    }), clock);

    [Fact]
    public void A_spent_allowance_is_whole_again_when_its_window_ends()
    {
        var first = Enumerable.Range(0, 3).Select(i => limiter.TryAcquireForKey("key_a", livemode: false, out _)).ToList();
        clock.Advance(TimeSpan.FromMilliseconds(400));
        var refused = limiter.TryAcquireForKey("key_a", livemode: false, out var retryAfter);
        clock.Advance(TimeSpan.FromMilliseconds(600));
        var again = limiter.TryAcquireForKey("key_a", livemode: false, out _);

        Assert.Equal([true, true, false], first);
        Assert.False(refused);
        Assert.Equal(TimeSpan.FromMilliseconds(600), retryAfter);
        Assert.True(again);
    }

    [Fact]
    public void Each_key_mode_and_address_has_its_own_allowance()
    {
        var live = Enumerable.Range(0, 5).Count(i => limiter.TryAcquireForKey("key_live", livemode: true, out _));
        var test = Enumerable.Range(0, 5).Count(i => limiter.TryAcquireForKey("key_test", livemode: false, out _));
        var address = Enumerable.Range(0, 5).Count(i => limiter.TryAcquireForAddress(IPAddress.Parse("203.0.113.7"), out _));
        var otherAddress = Enumerable.Range(0, 5).Count(i => limiter.TryAcquireForAddress(IPAddress.Parse("2001:db8::7"), out _));

        Assert.Equal((4, 2, 3, 3), (live, test, address, otherAddress));
    }

    [Fact]
    public async Task Parallel_requests_get_exactly_the_allowance()
    {
        var granted = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                if (limiter.TryAcquireForKey("key_busy", livemode: true, out _))
                    Interlocked.Increment(ref granted);
            }
        })));

        Assert.Equal(4, granted);
    }

    [Fact]
    public void Counters_of_ended_windows_are_dropped()
    {
        for (var i = 0; i < 100; i++)
            limiter.TryAcquireForAddress(new IPAddress([198, 51, 100, (byte)i]), out _);
        var trackedDuringTheWindow = limiter.Tracked;

        clock.Advance(Window);
        limiter.TryAcquireForKey("key_later", livemode: false, out _);

        Assert.Equal(100, trackedDuringTheWindow);
        Assert.Equal(1, limiter.Tracked);
    }
}
