using System.Security.Cryptography;
using System.Text;
using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Flux.Dashboard.Tests.Support;

/// <summary>
/// Which database engine this test run's Flux instances use. <c>./test.sh</c> runs the suite once on SQLite (the
/// default) and once on PostgreSQL: <c>FLUX_TEST_DATABASE=postgres</c> with <c>FLUX_TEST_POSTGRES</c> the connection string
/// of a throwaway cluster it started, where each Flux instance gets a database of its own.
/// </summary>
public static class TestDatabaseEngine
{
    /// <summary>
    /// The trait of tests tied to one engine: SQLite's own machinery (pragmas, pages, prepared inserts), which the
    /// PostgreSQL run leaves out, and tests that need a PostgreSQL server whatever Flux runs on (<c>db copy</c>), which
    /// the SQLite run leaves out.
    /// </summary>
    public const string Trait = "Engine";
    public const string SqliteOnly = "Sqlite";
    public const string PostgresOnly = "Postgres";

    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("FLUX_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    private static string Server => Environment.GetEnvironmentVariable("FLUX_TEST_POSTGRES")
        ?? throw new InvalidOperationException("FLUX_TEST_DATABASE=postgres needs FLUX_TEST_POSTGRES, the connection string of a PostgreSQL server.");

    /// <summary>
    /// The settings that put a Flux instance on the database of its data folder (made the first time: a restart on the same
    /// folder finds its data again); none on SQLite, whose files are in the folder.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> SettingsFor(string dataFolder)
    {
        if (!IsPostgres)
            return new Dictionary<string, string?>();
        var name = DatabaseOf(dataFolder);
        using (var server = new NpgsqlConnection(Server))
        {
            server.Open();
            using var exists = server.CreateCommand();
            exists.CommandText = "SELECT 1 FROM pg_database WHERE datname = @name";
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = server.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{name}\"";
                create.ExecuteNonQuery();
            }
        }
        return new Dictionary<string, string?>
        {
            ["Flux:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Flux"] = new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString,
        };
    }

    /// <summary><paramref name="settings"/> and the data folder's database settings, for a Flux started as a process.</summary>
    public static IReadOnlyDictionary<string, string> With(string dataFolder, IReadOnlyDictionary<string, string> settings) =>
        SettingsFor(dataFolder).Select(s => KeyValuePair.Create(s.Key, s.Value!)).Concat(settings).ToDictionary();

    /// <summary>Drops the database of a data folder once its Flux has stopped.</summary>
    public static void DropFor(string dataFolder)
    {
        if (!IsPostgres)
            return;
        NpgsqlConnection.ClearAllPools();
        using var server = new NpgsqlConnection(Server);
        server.Open();
        using var drop = server.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{DatabaseOf(dataFolder)}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }

    /// <summary>A context of its own (no pool, no interceptors) on the database of a data folder, as a second program would open it.</summary>
    public static FluxDbContext ContextFor(string dataFolder)
    {
        if (!IsPostgres)
        {
            return new FluxDbContext(new DbContextOptionsBuilder<FluxDbContext>()
                .UseSqlite($"Data Source={Path.Combine(dataFolder, "flux.db")};Pooling=False").Options);
        }
        SettingsFor(dataFolder).TryGetValue("ConnectionStrings:Flux", out var connectionString);
        return new PostgresFluxDbContext(new DbContextOptionsBuilder<PostgresFluxDbContext>().UseNpgsql(connectionString).Options);
    }

    /// <summary>
    /// Holds back every new order, as another program's long write would, until the answer is disposed (rolled back):
    /// SQLite's write lock, or on PostgreSQL an exclusive lock on the orders table.
    /// </summary>
    public static async Task<IAsyncDisposable> HoldOrderWritesAsync(string dataFolder)
    {
        var db = ContextFor(dataFolder);
        var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync(IsPostgres
            ? "LOCK TABLE \"Orders\" IN EXCLUSIVE MODE"
            : "DELETE FROM \"Orders\" WHERE 0");
        return new Held(db, transaction);
    }

    private sealed class Held(FluxDbContext db, IAsyncDisposable transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await db.DisposeAsync();
        }
    }

    /// <summary>Contexts as <see cref="ContextFor"/> makes them, for a service built outside the app.</summary>
    public static IDbContextFactory<FluxDbContext> FactoryFor(string dataFolder) => new Factory(dataFolder);

    private sealed class Factory(string dataFolder) : IDbContextFactory<FluxDbContext>
    {
        public FluxDbContext CreateDbContext() => ContextFor(dataFolder);
    }

    private static string DatabaseOf(string dataFolder) =>
        "flux_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataFolder))))[..24];
}
