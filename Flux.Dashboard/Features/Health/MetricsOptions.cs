using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Flux.Dashboard.Features.Health;

/// <summary>
/// <c>Flux:Metrics</c>: where an instance serves <c>/metrics</c> (Prometheus text format). Off until a port is set, and
/// then on a listener of its own, never on the public port: the figures are the operator's, not the merchants'. Each
/// instance on a machine needs a port of its own.
/// </summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string Section = "Flux:Metrics";

    /// <summary>The port of the metrics listener; none (the default) serves no metrics.</summary>
    [Range(1, 65_535)]
    public int? Port { get; set; }

    /// <summary>The address it listens on: this machine only by default; <c>0.0.0.0</c> for a Prometheus elsewhere (firewall it).</summary>
    public string Address { get; set; } = "127.0.0.1";

    public static MetricsOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<MetricsOptions>() ?? new();

    public bool IsOn => Port is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(Address, out _))
            yield return new($"{Section}:{nameof(Address)} ('{Address}') must be an IP address, such as 127.0.0.1 or 0.0.0.0.", [nameof(Address)]);
    }
}
