using Flux.Dashboard.Data;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;

namespace Flux.Dashboard.Jobs;

/// <summary>
/// Hangfire with the server in-process: on its own SQLite file beside flux.db, or in Flux's PostgreSQL database in a
/// schema of its own.
/// </summary>
public static class JobsExtensions
{
    public static void AddFluxJobs(this WebApplicationBuilder builder, FluxStorage storage)
    {
        // The storage is this app's own singleton rather than Hangfire's process-wide JobStorage.Current, so the
        // server, dashboard and job clients of two Flux hosts in one process (tests) never share a store.
        // Workers look for new jobs every second (the storages' default is 15 s), so a webhook goes out right after its event.
        var poll = TimeSpan.FromSeconds(1);
        if (storage.Database.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(
                new NpgsqlConnectionFactory(storage.Database.ConnectionString!, new PostgreSqlStorageOptions()),
                new PostgreSqlStorageOptions { SchemaName = DatabaseOptions.JobsSchema, QueuePollInterval = poll, PrepareSchemaIfNecessary = true }));
        }
        else
        {
            var path = storage.Data.HangfirePath(builder.Environment.ContentRootPath);
            builder.Services.AddSingleton<JobStorage>(_ => new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = poll }));
        }
        builder.Services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        // Jobs are built from this app's services, not through Hangfire's process-wide JobActivator.Current, which the
        // last host started in the process would own (and dispose of).
        builder.Services.AddHangfireServer((services, o) =>
        {
            o.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            o.Activator = new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>());
        });
    }

    private const string DashboardPath = "/hangfire";

    /// <summary>
    /// The dashboard at <c>/hangfire</c>, for admins only (401 anonymous, 403 other merchants). Its buttons act on a
    /// click, so no other site may frame it to trick an admin into one.
    /// </summary>
    public static void MapFluxJobsDashboard(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(DashboardPath))
                context.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'self'";
            return next(context);
        });
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorization()],
            DashboardTitle = "Flux jobs",
            AppPath = "/",
        });
    }
}
