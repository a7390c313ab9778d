using System.Net;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary>
/// Where Flux may POST events: an absolute HTTPS URL to a public host, without credentials or fragment. Where the operator
/// allows loopback for test mode (<see cref="WebhookOptions.AllowLoopback"/>, local development), a test endpoint may also
/// be <c>http(s)://localhost</c>, <c>127.0.0.1</c> or <c>[::1]</c> on any port. <see cref="WebhookConnector"/> applies the
/// same rule to the address each connection reaches.
/// </summary>
public static class WebhookUrlRules
{
    public const int MaxLength = 2048;

    /// <summary>What is wrong with the URL, or null when Flux may send to it.</summary>
    public static string? Error(string? url, bool loopbackAllowed)
    {
        if (string.IsNullOrWhiteSpace(url))
            return "Enter the URL Flux should send events to.";
        url = url.Trim();
        if (url.Length > MaxLength)
            return $"The URL holds at most {MaxLength} characters.";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc || string.IsNullOrEmpty(uri.Host))
            return "Enter a full URL, such as https://shop.example/flux/webhooks.";
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            return "The URL must start with https://.";
        if (uri.UserInfo.Length > 0)
            return "The URL must not contain a user name or password.";
        if (uri.Fragment.Length > 0 || url.Contains('#'))
            return "The URL must not contain a fragment (#…).";
        if (loopbackAllowed && uri.IsLoopback)
            return null;
        if (uri.Scheme != Uri.UriSchemeHttps)
            return loopbackAllowed
                ? "In test mode, http:// is allowed only for localhost and 127.0.0.1; use https:// otherwise."
                : "Flux sends events over HTTPS only: the URL must start with https://.";
        if (!IsPublicHost(uri))
            return "Flux sends events to public addresses only, not to localhost or a private network.";
        return null;
    }

    private static bool IsPublicHost(Uri uri)
    {
        var host = HostOf(uri);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return false;
        if (!IPAddress.TryParse(host, out var address))
            return uri.HostNameType == UriHostNameType.Dns && host.Contains('.');
        return PublicAddresses.IsPublic(address);
    }

    private static string HostOf(Uri uri)
    {
        var host = uri.IdnHost.TrimEnd('.');
        return uri.HostNameType == UriHostNameType.IPv6 ? host.Trim('[', ']') : host;
    }
}
