using System.Net;
using Flux.Dashboard.Tests.Support;

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
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_checks_database_and_job_storage_files()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(File.Exists(Path.Combine(app.DataFolder, "flux.db")), "flux.db is created in the data folder");
        Assert.True(File.Exists(Path.Combine(app.DataFolder, "hangfire.db")), "hangfire.db lies beside flux.db");
    }
}
