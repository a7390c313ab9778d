using System.Net;
using System.Net.Sockets;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary>
/// Which IP addresses are on the public internet. IPv4: everything but the special-purpose ranges (RFC 6890: private,
/// loopback, link-local, shared CGNAT, benchmarking, documentation, 6to4 relay, multicast, reserved). IPv6: only global
/// unicast (2000::/3), and of it not the ranges that carry or stand for another address — Teredo and the IETF protocol
/// block (2001::/23), documentation, 6to4 (2002::/16) — so no IPv4-embedding form (<c>::127.0.0.1</c>, NAT64
/// <c>64:ff9b::/96</c>, 6to4, Teredo) reaches a private IPv4 host. An IPv4-mapped address counts as its IPv4 address.
/// </summary>
public static class PublicAddresses
{
    private static readonly IPNetwork[] SpecialIPv4 = Parse(
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
        "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
        "224.0.0.0/4", "240.0.0.0/4");

    private static readonly IPNetwork GlobalUnicastIPv6 = IPNetwork.Parse("2000::/3");

    private static readonly IPNetwork[] SpecialIPv6 = Parse("2001::/23", "2001:db8::/32", "2002::/16", "3fff::/20");

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => !SpecialIPv4.Any(r => r.Contains(address)),
            AddressFamily.InterNetworkV6 => GlobalUnicastIPv6.Contains(address) && !SpecialIPv6.Any(r => r.Contains(address)),
            _ => false,
        };
    }

    private static IPNetwork[] Parse(params string[] ranges) => ranges.Select(IPNetwork.Parse).ToArray();
}
