namespace Flux.Dashboard.Features.Webhooks;

/// <summary>How the dashboard words an endpoint's subscriptions and a delivery's outcome.</summary>
public static class WebhookDisplay
{
    public static string Events(WebhookEndpoint endpoint) =>
        endpoint.EnabledEvents.Contains(WebhookEndpoint.AllEvents) ? "All events" : string.Join(", ", endpoint.EnabledEvents);

    public static string Outcome(WebhookAttempt attempt) =>
        attempt.ResponseStatus is { } status ? $"HTTP {status}" + (attempt.Error is { } e ? $" — {e}" : "") : attempt.Error ?? "No answer";
}
