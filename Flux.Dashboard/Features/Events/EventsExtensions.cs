using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Flux.Dashboard.Features.Events;

public static class EventsExtensions
{
    public static void AddEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EventBus>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, OutboxWake>();
        builder.Services.AddSingleton<IInterceptor, OutboxOrder>();
        builder.Services.AddSingleton<IGroupCommitHook, OutboxGroupCommitHook>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
    }
}
