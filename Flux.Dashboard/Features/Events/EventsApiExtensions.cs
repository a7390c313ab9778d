namespace Flux.Dashboard.Features.Events;

public static class EventsApiExtensions
{
    /// <summary>The event log and stream behind <c>/v1/events</c> and the dashboard's Events tab.</summary>
    public static void AddEventsApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventStreamOptions>()
            .BindConfiguration(EventStreamOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<EventQueries>();
        builder.Services.AddSingleton<EventStream>();
    }
}
