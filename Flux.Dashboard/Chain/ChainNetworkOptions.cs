namespace Flux.Dashboard.Chain;

/// <summary>One Horizon network. Live, testnet and sandbox differ only by these values, never by code path.</summary>
public sealed class ChainNetworkOptions
{
    public const string HashPlaceholder = "{hash}";

    /// <summary>
    /// Absolute <c>http(s)</c> URL of the Horizon server, or an app-relative path starting with <c>/</c> (the
    /// sandbox inside Flux) that <see cref="ResolveHorizonUri"/> resolves against the app's own base URL.
    /// </summary>
    public string HorizonUrl { get; set; } = "";

    public string Passphrase { get; set; } = "";

    /// <summary>Link to a transaction in a block explorer, with <c>{hash}</c> where the hash goes. Optional.</summary>
    public string? ExplorerTransactionUrl { get; set; }

    public bool Enabled { get; set; } = true;

    public bool IsHorizonUrlRelative => HorizonUrl.StartsWith('/');

    /// <summary>The Horizon base URI, ending in <c>/</c> so relative request paths append to it.</summary>
    /// <exception cref="InvalidOperationException">The URL is app-relative and no app base URI was given.</exception>
    public Uri ResolveHorizonUri(Uri? appBaseUri = null)
    {
        Uri uri;
        if (IsHorizonUrlRelative)
        {
            if (appBaseUri is null || !appBaseUri.IsAbsoluteUri)
            {
                throw new InvalidOperationException(
                    $"The Horizon URL '{HorizonUrl}' is relative to the app; resolving it needs the app's absolute base URL.");
            }
            // Appended rather than resolved, so an app served under a path base keeps it.
            uri = new Uri(appBaseUri.AbsoluteUri.TrimEnd('/') + HorizonUrl);
        }
        else
        {
            uri = new Uri(HorizonUrl, UriKind.Absolute);
        }
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    public string? ExplorerUrlFor(string transactionHash) =>
        string.IsNullOrEmpty(ExplorerTransactionUrl)
            ? null
            : ExplorerTransactionUrl.Replace(HashPlaceholder, Uri.EscapeDataString(transactionHash), StringComparison.Ordinal);
}
