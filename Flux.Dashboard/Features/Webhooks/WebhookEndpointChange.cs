namespace Flux.Dashboard.Features.Webhooks;

/// <summary>What an update of an endpoint changes; a null field stays as it is. <see cref="Disabled"/> turns sending off or on again.</summary>
public sealed record WebhookEndpointChange(
    string? Url = null, IReadOnlyCollection<string>? EnabledEvents = null, string? Description = null, bool? Disabled = null);
