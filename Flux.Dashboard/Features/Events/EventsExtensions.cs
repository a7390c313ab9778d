namespace Flux.Dashboard.Features.Events;

public static class EventsExtensions
{
    public static void AddEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EventBus>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
    }
}
