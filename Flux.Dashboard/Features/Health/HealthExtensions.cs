using System.Text.Json;
using Flux.Dashboard.Data;
using Flux.Dashboard.Data.Leases;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Flux.Dashboard.Features.Health;

/// <summary>
/// <c>/healthz</c>: the process answers, and says which leases it holds (<c>{"status":"Healthy","leases":[…]}</c>); the
/// body is serialized again only when the leases change, so liveness stays as cheap as an answer can be.
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

    private static LivenessAnswer? lastAnswer;

    private sealed record LivenessAnswer(HealthStatus Status, IReadOnlyCollection<string> Leases, byte[] Body);

    private static Task WriteLivenessAsync(HttpContext context, HealthReport report)
    {
        // The held leases are one collection until they change (ILeases.Held), so comparing references is enough.
        var leases = context.RequestServices.GetRequiredService<ILeases>().Held;
        var answer = lastAnswer;
        if (answer is null || answer.Status != report.Status || !ReferenceEquals(answer.Leases, leases))
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new { status = report.Status.ToString(), leases }, JsonSerializerOptions.Web);
            lastAnswer = answer = new(report.Status, leases, body);
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = answer.Body.Length;
        return context.Response.Body.WriteAsync(answer.Body).AsTask();
    }
}
