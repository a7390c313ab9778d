using Flux.Dashboard.Data;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Foundation;

[Collection(FluxAppCollection.Name)]
public sealed class DataAndSeedTests(FluxAppFactory app)
{
    [Fact]
    public async Task Database_lives_in_the_configured_folder_with_a_WAL_journal_and_every_migration_applied()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FluxDbContext>();

        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();

        Assert.Equal("wal", Assert.Single(mode));
        Assert.Equal(Path.Combine(app.DataFolder, "flux.db"), db.Database.GetDbConnection().DataSource);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Development_start_creates_the_demo_merchant_who_can_sign_in()
    {
        var config = app.Services.GetRequiredService<IConfiguration>();
        var email = config["Flux:Demo:Email"]!;
        var password = config["Flux:Demo:Password"]!;
        Assert.False(string.IsNullOrEmpty(password), "appsettings.Development.json names the demo password");

        using var client = await app.SignedInClientAsync(email, password);
        var dashboard = await client.GetStringAsync("/");

        Assert.Contains(email, dashboard);
    }
}
