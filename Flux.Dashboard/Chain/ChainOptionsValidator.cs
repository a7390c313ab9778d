using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Chain;

public sealed class ChainOptionsValidator : IValidateOptions<ChainOptions>
{
    public ValidateOptionsResult Validate(string? name, ChainOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, network) in options.Networks)
        {
            var path = $"{ChainOptions.SectionName}:Networks:{key}";
            if (string.IsNullOrWhiteSpace(key))
            {
                failures.Add($"{ChainOptions.SectionName}:Networks has a network without a name.");
            }
            if (!IsValidHorizonUrl(network.HorizonUrl))
            {
                failures.Add($"{path}:HorizonUrl must be an absolute http(s) URL or an app-relative path starting with '/'; got '{network.HorizonUrl}'.");
            }
            if (string.IsNullOrWhiteSpace(network.Passphrase))
            {
                failures.Add($"{path}:Passphrase is required.");
            }
            if (!string.IsNullOrEmpty(network.ExplorerTransactionUrl)
                && !network.ExplorerTransactionUrl.Contains(ChainNetworkOptions.HashPlaceholder, StringComparison.Ordinal))
            {
                failures.Add($"{path}:ExplorerTransactionUrl must contain {ChainNetworkOptions.HashPlaceholder}.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsValidHorizonUrl(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            ? Uri.IsWellFormedUriString(url, UriKind.Relative)
            : Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
