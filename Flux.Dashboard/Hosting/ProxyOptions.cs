using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Flux.Dashboard.Hosting;

/// <summary>
/// <c>Flux:Proxy</c>: the reverse proxies (TLS terminator, load balancer) whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> Flux believes. None by default, and then nobody's forwarded headers count.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Flux:Proxy";

    /// <summary>IP addresses of the proxies, such as <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, such as <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool AnyConfigured => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IEnumerable<IPAddress> Proxies => KnownProxies.Select(IPAddress.Parse);

    public IEnumerable<IPNetwork> Networks => KnownNetworks.Select(n => IPNetwork.Parse(n));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new($"{Section}:{nameof(KnownProxies)}: \"{proxy}\" is not an IP address.", [nameof(KnownProxies)]);
        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
            yield return new($"{Section}:{nameof(KnownNetworks)}: \"{network}\" is not a network in CIDR notation (such as 10.0.0.0/24).",
                [nameof(KnownNetworks)]);
    }
}
