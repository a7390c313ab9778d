using System.ComponentModel.DataAnnotations;

namespace Flux.Dashboard.Api;

/// <summary>Settings of the HTTP API (<c>Flux:Api</c>).</summary>
public sealed class ApiOptions : IValidatableObject
{
    public const string Section = "Flux:Api";

    /// <summary>Where the errors page lives (<c>{base}/docs/errors#code</c>); empty: the server the request reached.</summary>
    public string? DocsBaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(DocsBaseUrl)
            && !(Uri.TryCreate(DocsBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult($"{Section}:DocsBaseUrl must be an absolute http(s) URL.", [nameof(DocsBaseUrl)]);
        }
    }
}
