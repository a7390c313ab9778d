namespace Flux.Dashboard.Features.Accounts;

/// <summary>
/// The one rule for where a return URL a visitor hands in (sign-in, sign-out, registration) may send the browser: a
/// page of this site, or else the dashboard home. Another host or scheme, a scheme-relative <c>//host</c>, and anything
/// unreadable all become home; none is an error.
/// </summary>
public static class LocalReturnUrl
{
    /// <summary>
    /// The page <paramref name="returnUrl"/> names (a path on the site, or an absolute URL on the site), relative to
    /// <paramref name="siteRoot"/> without a leading slash; <c>""</c> is the home page.
    /// </summary>
    public static string Resolve(Uri siteRoot, string? returnUrl)
    {
        // Browsers read a backslash as a slash and drop tabs and line breaks, so such a URL may name another host to
        // the browser than to .NET's Uri: none is ever needed to name a page of Flux.
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Any(c => c == '\\' || char.IsControl(c)))
            return "";
        if (!Uri.TryCreate(siteRoot, returnUrl, out var target) || !target.AbsoluteUri.StartsWith(siteRoot.AbsoluteUri, StringComparison.Ordinal))
            return "";
        var page = target.AbsoluteUri[siteRoot.AbsoluteUri.Length..];
        // "https://flux.example//evil.example" would become "//evil.example": another host again.
        return page.StartsWith('/') ? "" : page;
    }

    /// <summary>The same rule for an endpoint outside Blazor: the site root is the one this request reached.</summary>
    public static string Resolve(HttpRequest request, string? returnUrl) =>
        Uri.TryCreate($"{request.Scheme}://{request.Host}{request.PathBase}/", UriKind.Absolute, out var siteRoot)
            ? Resolve(siteRoot, returnUrl)
            : "";
}
