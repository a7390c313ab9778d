using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Flux.Dashboard.Chain.Watching;

/// <summary>Flux's own address, from the server's listening addresses, for app-relative Horizon URLs (the sandbox).</summary>
public sealed class AppBaseUri(IServer server)
{
    private static readonly string[] WildcardHosts = ["+", "*", "[::]", "0.0.0.0"];

    /// <exception cref="InvalidOperationException">The server is not listening yet.</exception>
    public Uri Get()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no listening address yet.");
        foreach (var wildcard in WildcardHosts)
            address = address.Replace($"://{wildcard}", "://localhost", StringComparison.Ordinal);
        return new Uri(address);
    }
}
