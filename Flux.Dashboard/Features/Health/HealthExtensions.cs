using Flux.Dashboard.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Flux.Dashboard.Features.Health;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the database and the job storage answer too.</summary>
public static class HealthExtensions
{
    private const string Ready = "ready";

    public static void AddFluxHealth(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<FluxDbContext>("database", tags: [Ready])
            .AddCheck<JobStorageHealthCheck>("job-storage", tags: [Ready]);

    public static void MapFluxHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(Ready) });
    }
}
