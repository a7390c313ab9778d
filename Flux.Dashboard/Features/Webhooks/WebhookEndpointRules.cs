using Flux.Dashboard.Features.Events;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary>The checks an endpoint's fields pass, the same for the dashboard and the API.</summary>
public static class WebhookEndpointRules
{
    public const int MaxDescriptionLength = 500;

    public static IReadOnlyList<FieldError> Errors(string? url, IReadOnlyCollection<string>? enabledEvents, string? description, bool loopbackAllowed) =>
        Errors(new WebhookEndpointChange(url, enabledEvents, description), loopbackAllowed, everyField: true);

    /// <summary>The checks of the fields a change gives; those it leaves out keep their values.</summary>
    public static IReadOnlyList<FieldError> Errors(WebhookEndpointChange change, bool loopbackAllowed) =>
        Errors(change, loopbackAllowed, everyField: false);

    private static List<FieldError> Errors(WebhookEndpointChange change, bool loopbackAllowed, bool everyField)
    {
        var errors = new List<FieldError>();
        if ((everyField || change.Url is not null) && WebhookUrlRules.Error(change.Url, loopbackAllowed) is { } urlError)
            errors.Add(new("url", urlError));
        if ((everyField || change.EnabledEvents is not null) && EventsError(change.EnabledEvents) is { } eventsError)
            errors.Add(new("enabled_events", eventsError));
        if (change.Description?.Trim().Length > MaxDescriptionLength)
            errors.Add(new("description", $"The description holds at most {MaxDescriptionLength} characters."));
        return errors;
    }

    private static string? EventsError(IReadOnlyCollection<string>? enabledEvents)
    {
        if (enabledEvents is null || enabledEvents.Count == 0)
            return "Choose at least one event type, or \"*\" for all events.";
        if (enabledEvents.Contains(WebhookEndpoint.AllEvents) && enabledEvents.Count > 1)
            return "\"*\" already means all events: send it alone.";
        var unknown = enabledEvents.Where(e => e != WebhookEndpoint.AllEvents && !EventCatalog.TypeNames.Contains(e)).ToList();
        return unknown.Count == 0 ? null : EventCatalog.UnknownTypes(unknown);
    }
}
