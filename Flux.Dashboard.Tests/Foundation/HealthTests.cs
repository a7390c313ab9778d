using System.Net;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Tests.Foundation;

[Collection(FluxAppCollection.Name)]
public sealed class HealthTests(FluxAppFactory app)
{
    [Fact]
    public async Task Liveness_answers_healthy()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, body.RootElement.GetProperty("leases").ValueKind);
    }

    [Fact]
    public async Task Readiness_checks_database_and_job_storage()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        if (TestDatabaseEngine.IsPostgres)
        {
            // Hangfire's tables in their own schema of Flux's database.
            await using var db = TestDatabaseEngine.ContextFor(app.DataFolder);
            Assert.Equal([1], await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\" FROM information_schema.schemata WHERE schema_name = 'hangfire'").ToListAsync());
            return;
        }
        Assert.True(File.Exists(Path.Combine(app.DataFolder, "flux.db")), "flux.db is created in the data folder");
        Assert.True(File.Exists(Path.Combine(app.DataFolder, "hangfire.db")), "hangfire.db lies beside flux.db");
    }
}
