using System.ComponentModel.DataAnnotations;
using System.Net;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Flux.Dashboard.Tests.Foundation;

/// <summary>The sign-in throttle's windows with the defaults (5 failures per client per 15 minutes, 20 per account per hour), on a clock the test moves.</summary>
public sealed class SignInThrottleWindowTests : IDisposable
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 1, 12, 5, 0, TimeSpan.Zero));
    private readonly InMemorySignInThrottle throttle;

    public SignInThrottleWindowTests() => throttle = new(Options.Create(new SignInThrottleOptions()), clock);

    public void Dispose() => throttle.Dispose();

    [Fact]
    public async Task A_client_fails_five_times_then_waits_out_the_rest_of_its_window_while_others_go_on()
    {
        var client = IPAddress.Parse("203.0.113.7");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TimeSpan.Zero, await WaitAsync(client, $"ACCOUNT{i}@SHOP.TEST"));
            await FailAsync(client, $"ACCOUNT{i}@SHOP.TEST");
        }

        // The 15-minute window began at 12:00.
        Assert.Equal(TimeSpan.FromMinutes(10), await WaitAsync(client, "ANOTHER@SHOP.TEST"));
        Assert.Equal(TimeSpan.Zero, await WaitAsync(IPAddress.Parse("203.0.113.8"), "ACCOUNT0@SHOP.TEST"));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(TimeSpan.Zero, await WaitAsync(client, "ANOTHER@SHOP.TEST"));
    }

    [Fact]
    public async Task An_account_failed_twenty_times_from_many_clients_waits_for_every_client()
    {
        for (var i = 1; i <= 20; i++)
            await FailAsync(IPAddress.Parse($"198.51.100.{i}"), "TARGET@SHOP.TEST");

        Assert.Equal(TimeSpan.FromMinutes(55), await WaitAsync(IPAddress.Parse("192.0.2.1"), "TARGET@SHOP.TEST"));
        Assert.Equal(TimeSpan.Zero, await WaitAsync(IPAddress.Parse("192.0.2.1"), "OTHER@SHOP.TEST"));
    }

    [Fact]
    public async Task IPv6_clients_of_one_64_network_share_an_allowance()
    {
        for (var i = 1; i <= 5; i++)
            await FailAsync(IPAddress.Parse($"2001:db8:0:7::{i}"), $"ACCOUNT{i}@SHOP.TEST");

        Assert.NotEqual(TimeSpan.Zero, await WaitAsync(IPAddress.Parse("2001:db8:0:7:ffff::1"), "NEW@SHOP.TEST"));
        Assert.Equal(TimeSpan.Zero, await WaitAsync(IPAddress.Parse("2001:db8:0:8::1"), "NEW@SHOP.TEST"));
    }

    [Fact]
    public void Limits_that_let_one_client_spend_an_accounts_allowance_are_refused()
    {
        var options = new SignInThrottleOptions { FailuresPerClient = 20, FailuresPerAccount = 20 };

        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains("FailuresPerAccount", Assert.Single(results).ErrorMessage);
    }

    private Task<TimeSpan> WaitAsync(IPAddress client, string account) =>
        throttle.WaitAsync(new SignInAttempt(client, account), CancellationToken.None).AsTask();

    private Task FailAsync(IPAddress client, string account) =>
        throttle.RecordFailureAsync(new SignInAttempt(client, account), CancellationToken.None).AsTask();
}
