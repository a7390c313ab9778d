using Flux.Dashboard.Data.Leases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Flux.Dashboard.Data;

/// <summary>Where Flux keeps its data: the data folder (mails, and SQLite's files) and the database engine.</summary>
public sealed record FluxStorage(FluxDataOptions Data, DatabaseOptions Database);

public static class DataExtensions
{
    /// <summary>
    /// Registers <see cref="FluxDbContext"/> on the configured engine: SQLite in the data folder (the default), or
    /// PostgreSQL (<see cref="DatabaseOptions"/>). Services ask for <see cref="IDbContextFactory{FluxDbContext}"/> either way,
    /// and for <see cref="ILeases"/> where work must run on one instance at a time.
    /// </summary>
    public static FluxStorage AddFluxData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(FluxDataOptions.Section).Get<FluxDataOptions>() ?? new();
        Directory.CreateDirectory(options.ResolveFolder(builder.Environment.ContentRootPath));
        var database = DatabaseOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(database);

        if (database.Provider == DatabaseProvider.Postgres)
            AddPostgres(builder.Services, database.ConnectionString!);
        else
            AddSqlite(builder.Services, options.DatabasePath(builder.Environment.ContentRootPath), options.Synchronous);
        // The factory serves Blazor circuits, services and jobs (one short-lived context per operation); the scoped
        // context serves Identity.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContext());
        builder.Services.AddSingleton<WriteGate>();
        builder.Services.AddSingleton<GroupCommit>();
        return new(options, database);
    }

    // Contexts are pooled: a hot path (an API request) does not build one from scratch. A list in a query
    // (ids.Contains(x)) goes to the database as one parameter, so the query's SQL is generated once, not again for each new
    // length of the list. Features take part in every context's saves and transactions through EF interceptors they
    // register (the events feature wakes its dispatcher).
    private static void AddSqlite(IServiceCollection services, string path, SqliteSynchronous synchronous)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        services.AddPooledDbContextFactory<FluxDbContext>((sp, o) => o
            .UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(new SqliteConnectionPragmas(synchronous))
            .AddInterceptors(sp.GetServices<IInterceptor>())
            .ConfigureWarnings(MigrateWithoutModelCheck));
        services.AddSingleton<IGroupCommitWriter, SqliteGroupCommitWriter>();
        services.AddSingleton<ILeases, InProcessLeases>();
    }

    private static void AddPostgres(IServiceCollection services, string connectionString)
    {
        services.AddPooledDbContextFactory<PostgresFluxDbContext>((sp, o) => o
            .UseNpgsql(AutoPrepared(connectionString), npgsql => npgsql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(sp.GetServices<IInterceptor>())
            .ConfigureWarnings(MigrateWithoutModelCheck));
        services.AddSingleton<IDbContextFactory<FluxDbContext>>(sp =>
            new FluxDbContextFactory<PostgresFluxDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresFluxDbContext>>()));
        services.AddSingleton<IGroupCommitWriter, PostgresGroupCommitWriter>();
        services.AddSingleton<ILeases, PostgresLeases>();
    }

    /// <summary>
    /// Contexts run on their EF compiled model (Data/CompiledModels), so a start does not build the model. Migrating
    /// would still build it, to check that the migrations hold the whole model: the tests check that instead, before
    /// anything ships (MigrationsTests, and CompiledModelTests for the compiled models).
    /// </summary>
    private static void MigrateWithoutModelCheck(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning);

    /// <summary>
    /// The statements Flux runs most, prepared on each pooled connection once they have run a few times (Npgsql's
    /// <c>Max Auto Prepare</c>; prepared statements outlive a connection's return to the pool): the server then parses and
    /// plans an order's INSERTs, a confirmation's queries and the group commit's statements once per connection instead of
    /// on every execution. A connection string that sets <c>Max Auto Prepare</c> itself keeps its value.
    /// </summary>
    internal static string AutoPrepared(string connectionString)
    {
        var keys = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>();
        if (keys.Any(key => string.Equals(key.Replace(" ", "", StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = MaxAutoPrepared }.ConnectionString;
    }

    /// <summary>Enough for the hot paths' statements (Npgsql allows at most 256).</summary>
    private const int MaxAutoPrepared = 64;

    /// <summary>
    /// Applies committed migrations before the app serves anything; on a database that has them all it only checks
    /// (<see cref="LatestMigration"/>). A new SQLite database gets 8 KiB pages and WAL: the
    /// hot writes append (orders, events and their time-ordered keys), and with pages twice SQLite's default a batch
    /// splits pages and starts new ones half as often (docs/performance.md). An existing SQLite database keeps the page
    /// size it was made with; SQLite cannot change it in WAL mode.
    /// </summary>
    public static async Task MigrateFluxDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FluxDbContext>();
        if (await LatestMigration.IsAppliedAsync(db))
            return;
        if (db.RunsOnPostgres())
        {
            await db.Database.MigrateAsync();
            return;
        }
        // Opened here, the connection that sets the page size is the one the migrations create the first table on.
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA page_size = 8192;");
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
