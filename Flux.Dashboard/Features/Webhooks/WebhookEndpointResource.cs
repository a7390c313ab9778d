namespace Flux.Dashboard.Features.Webhooks;

/// <summary>An endpoint as the API shows it; <see cref="Secret"/> only in the answer that created it.</summary>
public sealed record WebhookEndpointResource(
    string Id,
    string Url,
    IReadOnlyList<string> EnabledEvents,
    WebhookEndpointStatus Status,
    string? Description,
    bool Livemode,
    DateTimeOffset CreatedAt,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    string? Secret = null)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Object => "webhook_endpoint";

    public static WebhookEndpointResource Of(WebhookEndpoint endpoint, bool withSecret = false) => new(
        endpoint.Id, endpoint.Url, endpoint.EnabledEvents, endpoint.Status, endpoint.Description,
        endpoint.Livemode, endpoint.CreatedAt, withSecret ? endpoint.Secret : null);
}

/// <summary>The answer to a delete, as Stripe's: the id and <c>deleted: true</c>.</summary>
public sealed record DeletedWebhookEndpointResource(string Id)
{
    public string Object => "webhook_endpoint";
    public bool Deleted => true;
}

public sealed record CreateWebhookEndpointBody(string? Url, List<string>? EnabledEvents, string? Description = null);

public sealed record UpdateWebhookEndpointBody(string? Url = null, List<string>? EnabledEvents = null, string? Description = null, bool? Disabled = null);
