using Flux.Dashboard.Data;
using Hangfire;
using Hangfire.Storage.SQLite;

namespace Flux.Dashboard.Jobs;

/// <summary>Hangfire on its own SQLite file beside flux.db, with the server in-process.</summary>
public static class JobsExtensions
{
    public static void AddFluxJobs(this WebApplicationBuilder builder, FluxDataOptions data)
    {
        var path = data.HangfirePath(builder.Environment.ContentRootPath);
        builder.Services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseSQLiteStorage(path, new SQLiteStorageOptions()));
        builder.Services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount));
    }

    /// <summary>The dashboard at <c>/hangfire</c>, for admins only (401 anonymous, 403 other merchants).</summary>
    public static void MapFluxJobsDashboard(this WebApplication app) =>
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorization()],
            DashboardTitle = "Flux jobs",
            AppPath = "/",
        });
}
