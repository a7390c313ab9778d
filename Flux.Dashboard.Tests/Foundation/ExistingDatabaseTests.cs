using Flux.Dashboard.Data;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Foundation;

/// <summary>
/// Databases made by earlier builds of Flux. One whose page size is already set, as every <c>flux.db</c> made before new
/// databases got 8 KiB pages: Flux migrates it, keeps its 4 KiB pages (SQLite cannot change them in WAL mode) and takes
/// orders on it. One a migration behind: a start does not take its history for up to date (<see cref="LatestMigration"/>).
/// </summary>
[Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.SqliteOnly)]
public sealed class ExistingDatabaseTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "flux-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_database_made_with_4_KiB_pages_keeps_them_is_migrated_and_takes_orders()
    {
        Directory.CreateDirectory(folder);
        await using (var made = new SqliteConnection($"Data Source={Path.Combine(folder, "flux.db")};Pooling=False"))
        {
            await made.OpenAsync();
            await using var command = made.CreateCommand();
            command.CommandText = "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync();
        }

        using var app = FluxAppFactory.Start(folder, new Dictionary<string, string?>());
        var merchant = await app.NewApiMerchantAsync();
        using var api = app.ApiClient(merchant.TestKey);
        var order = await api.CreateOrderAsync(2.5m, Flux.Dashboard.Chain.SandboxTestWallet.Address);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        Assert.Equal(4096, Assert.Single(await db.Database.SqlQueryRaw<int>("PRAGMA page_size").ToListAsync()));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        using var read = await api.GetAsync($"/v1/orders/{order.GetProperty("order_id").GetString()}");
        Assert.Equal(2.5m, (await read.JsonAsync()).GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_database_a_migration_behind_is_migrated_at_start_and_takes_orders()
    {
        Directory.CreateDirectory(folder);
        var options = new DbContextOptionsBuilder<FluxDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "flux.db")};Pooling=False").Options;
        await using (var made = new FluxDbContext(options))
        {
            var previous = made.Database.GetMigrations().SkipLast(1).Last();
            await made.GetService<IMigrator>().MigrateAsync(previous);
            Assert.Equal([LatestMigration.Sqlite], await made.Database.GetPendingMigrationsAsync());
        }

        using var app = FluxAppFactory.Start(folder, new Dictionary<string, string?>());
        var merchant = await app.NewApiMerchantAsync();
        using var api = app.ApiClient(merchant.TestKey);
        await api.CreateOrderAsync(2.5m, Flux.Dashboard.Chain.SandboxTestWallet.Address);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        Assert.Equal(LatestMigration.Sqlite, (await db.Database.GetAppliedMigrationsAsync()).Last());
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* best effort: the OS cleans the temp folder */ }
    }
}
