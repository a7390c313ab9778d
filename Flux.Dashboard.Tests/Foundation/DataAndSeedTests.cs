using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Foundation;

[Collection(FluxAppCollection.Name)]
public sealed class DataAndSeedTests(FluxAppFactory app)
{
    [Fact, Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.SqliteOnly)]
    public async Task Database_lives_in_the_configured_folder_with_a_WAL_journal_and_every_migration_applied()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FluxDbContext>();

        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();

        Assert.Equal("wal", Assert.Single(mode));
        Assert.Equal(Path.Combine(app.DataFolder, "flux.db"), db.Database.GetDbConnection().DataSource);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact, Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.SqliteOnly)]
    public async Task A_new_database_is_made_with_8_KiB_pages()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();

        Assert.Equal(8192, Assert.Single(await db.Database.SqlQueryRaw<int>("PRAGMA page_size").ToListAsync()));
    }

    [Fact, Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.SqliteOnly)]
    public async Task Every_context_runs_on_a_connection_with_the_busy_timeout_and_full_sync_also_when_the_pool_hands_it_out_again()
    {
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>();
        for (var use = 0; use < 3; use++)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();

            Assert.Equal(30000, Assert.Single(await db.Database.SqlQueryRaw<int>("PRAGMA busy_timeout").ToListAsync()));
            // 2 = FULL, the default of Flux:Data:Synchronous.
            Assert.Equal(2, Assert.Single(await db.Database.SqlQueryRaw<int>("PRAGMA synchronous").ToListAsync()));
        }
    }

    [Fact, Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.SqliteOnly)]
    public async Task The_group_commits_own_connection_has_the_busy_timeout_and_full_sync_and_stays_open()
    {
        await using var writer = await WriterConnection.OpenAsync(app.Services.GetRequiredService<DbContextOptions<FluxDbContext>>());
        for (var batch = 0; batch < 2; batch++)
        {
            var db = writer.Context;

            Assert.Equal(30000, Assert.Single(await db.Database.SqlQueryRaw<int>("PRAGMA busy_timeout").ToListAsync()));
            Assert.Equal(2, Assert.Single(await db.Database.SqlQueryRaw<int>("PRAGMA synchronous").ToListAsync()));
            Assert.Equal(System.Data.ConnectionState.Open, db.Database.GetDbConnection().State);
            Assert.Equal(Path.Combine(app.DataFolder, "flux.db"), db.Database.GetDbConnection().DataSource);
        }
    }

    [Fact, Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.SqliteOnly)]
    public async Task The_dispatchers_queue_button_order_lookups_and_the_expiry_job_use_their_partial_indexes()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        var queue = db.Set<OutboxEvent>().Where(e => e.DispatchedAt == null).OrderBy(e => e.Sequence).Take(500).ToQueryString();
        var buttonOrders = db.Set<Order>().Where(o => o.ButtonId == "btn_x").ToQueryString();
        var dueOrders = OrderExpiry.Due(db.Set<Order>(), DateTimeOffset.UtcNow).Take(OrderExpiry.BatchSize).ToQueryString();

        Assert.Contains("USING INDEX IX_OutboxEvents_Undispatched", await QueryPlanAsync(db, queue));
        Assert.Contains("USING INDEX IX_Orders_ButtonId", await QueryPlanAsync(db, buttonOrders));
        // A range on the index of unpaid orders, not a scan of every order.
        Assert.Equal("SEARCH o USING INDEX IX_Orders_AwaitingPayment_ExpiresAt (ExpiresAt<?)", await QueryPlanAsync(db, dueOrders));
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

    /// <summary>SQLite's plan for a query as EF's <c>ToQueryString</c> writes it (its <c>.param set</c> lines become parameters).</summary>
    private static async Task<string> QueryPlanAsync(FluxDbContext db, string queryString)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var lines = queryString.Split('\n');
        foreach (var param in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)).Select(l => l.Split(' ')))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = param[2];
            parameter.Value = param[3];
            command.Parameters.Add(parameter);
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));
        return string.Join("; ", plan);
    }
}
