using System.Net;
using System.Net.Sockets;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary>
/// Where Flux may POST events: an absolute http(s) URL without credentials or fragment; live mode only HTTPS to a
/// public host, test mode also <c>http://localhost</c> and <c>http://127.0.0.1</c> on any port.
/// </summary>
public static class WebhookUrlRules
{
    public const int MaxLength = 2048;

    /// <summary>What is wrong with the URL, or null when Flux may send to it.</summary>
    public static string? Error(string? url, bool livemode)
    {
        if (string.IsNullOrWhiteSpace(url))
            return "Enter the URL Flux should send events to.";
        url = url.Trim();
        if (url.Length > MaxLength)
            return $"The URL holds at most {MaxLength} characters.";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc || string.IsNullOrEmpty(uri.Host))
            return "Enter a full URL, such as https://shop.example/flux/webhooks.";
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            return "The URL must start with https:// (or http:// for a local test server).";
        if (uri.UserInfo.Length > 0)
            return "The URL must not contain a user name or password.";
        if (uri.Fragment.Length > 0 || url.Contains('#'))
            return "The URL must not contain a fragment (#…).";
        if (!livemode && uri.Scheme == Uri.UriSchemeHttp)
            return IsLocalTestHost(uri) ? null : "In test mode, http:// is allowed only for localhost and 127.0.0.1; use https:// otherwise.";
        if (uri.Scheme != Uri.UriSchemeHttps)
            return "Live mode sends events over HTTPS only: the URL must start with https://.";
        if (livemode && !IsPublicHost(uri))
            return "Live mode sends events to public addresses only, not to localhost or a private network.";
        return null;
    }

    private static bool IsLocalTestHost(Uri uri) => uri.Host is "localhost" or "127.0.0.1";

    private static bool IsPublicHost(Uri uri)
    {
        var host = uri.IdnHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return false;
        if (!IPAddress.TryParse(uri.HostNameType == UriHostNameType.IPv6 ? host.Trim('[', ']') : host, out var address))
            return uri.HostNameType == UriHostNameType.Dns && host.Contains('.');
        return IsPublicAddress(address);
    }

    /// <summary>Whether an address is on the public internet (not loopback, private, link-local, CGNAT or multicast).</summary>
    public static bool IsPublicAddress(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
        var b = address.GetAddressBytes();
        return !(b[0] == 10 || b[0] == 0 || b[0] >= 224
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127));
    }
}
