using Flux.Dashboard.Data;
using Flux.Dashboard.Data.Leases;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Flux.Dashboard.Features.Health;

/// <summary>
/// <c>/healthz</c>: the process answers, and says which leases it holds (<c>{"status":"Healthy","leases":[…]}</c>).
/// <c>/readyz</c>: the database and the job storage answer too, and Redis when one is configured
/// (<see cref="ScaleOut.RedisHealthCheck"/>).
/// </summary>
public static class HealthExtensions
{
    /// <summary>The tag of the checks <c>/readyz</c> runs.</summary>
    public const string Ready = "ready";

    public static void AddFluxHealth(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<FluxDbContext>("database", tags: [Ready])
            .AddCheck<JobStorageHealthCheck>("job-storage", tags: [Ready]);

    public static void MapFluxHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false, ResponseWriter = WriteLivenessAsync });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(Ready) });
    }

    private static Task WriteLivenessAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new { status = report.Status.ToString(), leases = context.RequestServices.GetRequiredService<ILeases>().Held });
}
