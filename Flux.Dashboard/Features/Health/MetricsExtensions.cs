using OpenTelemetry.Metrics;

namespace Flux.Dashboard.Features.Health;

/// <summary>
/// Metrics for the operator (docs/scale-out.md, "Metrics"): Flux's own instruments (<see cref="FluxMetrics"/>) always, and,
/// with <c>Flux:Metrics:Port</c>, OpenTelemetry collecting them with ASP.NET Core's request metrics and the runtime's, served
/// in Prometheus text format by <see cref="MetricsServer"/>. Without a port nothing listens to the instruments.
/// </summary>
public static class MetricsExtensions
{
    public static void AddFluxMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FluxMetrics>();
        builder.Services.AddSingleton<Events.IOutboxFanOut, ConfirmationCount>();
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (!MetricsOptions.From(builder.Configuration).IsOn)
            return;
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            // .NET's own meter (GC, heap, thread pool, exceptions): what the runtime instrumentation package adds on .NET 9+.
            .AddMeter("System.Runtime")
            .AddMeter(FluxMetrics.MeterName)
            .AddPrometheusExporter());
        builder.Services.AddHostedService<MetricsServer>();
    }
}
