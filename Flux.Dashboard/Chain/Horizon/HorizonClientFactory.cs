using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Chain.Horizon;

/// <summary>Builds a <see cref="HorizonClient"/> for a configured network or any Horizon base URL.</summary>
public sealed class HorizonClientFactory(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<ChainOptions> options,
    ILogger<HorizonClient> logger,
    TimeProvider timeProvider)
{
    /// <summary>Named HttpClient for JSON requests: standard resilience (timeouts, retries on 429/5xx with Retry-After).</summary>
    public const string ApiHttpClientName = "Flux.Horizon";

    /// <summary>Named HttpClient for the SSE stream: no overall timeout; the client reconnects by itself.</summary>
    public const string StreamHttpClientName = "Flux.Horizon.Stream";

    /// <param name="network">A key of <c>Flux:Chain:Networks</c>, e.g. <see cref="ChainNetworkNames.PiMainnet"/>.</param>
    /// <param name="appBaseUri">Flux's own absolute base URL; needed only for an app-relative Horizon URL (the sandbox).</param>
    public HorizonClient ForNetwork(string network, Uri? appBaseUri = null) =>
        ForBaseUri(options.CurrentValue.GetNetwork(network).ResolveHorizonUri(appBaseUri));

    public HorizonClient ForBaseUri(Uri horizonBaseUri)
    {
        var baseUri = horizonBaseUri.AbsoluteUri.EndsWith('/') ? horizonBaseUri : new Uri(horizonBaseUri.AbsoluteUri + "/");
        var api = httpClientFactory.CreateClient(ApiHttpClientName);
        api.BaseAddress = baseUri;
        var stream = httpClientFactory.CreateClient(StreamHttpClientName);
        stream.BaseAddress = baseUri;
        return new HorizonClient(api, stream, logger, timeProvider);
    }
}
