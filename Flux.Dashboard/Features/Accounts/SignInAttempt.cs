using System.Net;
using System.Net.Sockets;

namespace Flux.Dashboard.Features.Accounts;

/// <summary>A sign-in attempt as the throttle counts it: the client that makes it and the account (normalized e-mail) it names.</summary>
public readonly record struct SignInAttempt(IPAddress? Client, string Account)
{
    /// <summary>
    /// The client's IPv4 address, or its IPv6 /64 network: one subscriber is handed a whole /64, so counting single IPv6
    /// addresses would give each attacker billions of allowances.
    /// </summary>
    public string ClientKey => Client switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        { AddressFamily: AddressFamily.InterNetworkV6 } v6 => $"{new IPAddress([.. v6.GetAddressBytes()[..8], .. new byte[8]])}/64",
        _ => Client.ToString(),
    };
}

/// <summary>
/// Counts failed sign-ins per client and per account, and says how long an attempt must wait. A singleton: one process's
/// counts (<see cref="InMemorySignInThrottle"/>), or with Redis every instance's (<c>ScaleOut.RedisSignInThrottle</c>).
/// </summary>
public interface ISignInThrottle
{
    /// <summary>How long until <paramref name="attempt"/> may be made: zero when its client and its account both have failures to spare.</summary>
    ValueTask<TimeSpan> WaitAsync(SignInAttempt attempt, CancellationToken cancellationToken);

    /// <summary>Counts a failed attempt against its client and its account.</summary>
    ValueTask RecordFailureAsync(SignInAttempt attempt, CancellationToken cancellationToken);
}
