using Npgsql;

namespace Flux.Bench;

/// <summary>
/// The database a benchmark's Flux runs on: SQLite in its data folder (the default), or a fresh database of its own on the
/// run's throwaway PostgreSQL cluster (<see cref="PostgresCluster"/>).
/// </summary>
public sealed class BenchDatabase
{
    private readonly PostgresCluster? cluster;

    private BenchDatabase(PostgresCluster? cluster) => this.cluster = cluster;

    public static BenchDatabase Sqlite { get; } = new(null);

    public static BenchDatabase On(PostgresCluster cluster) => new(cluster);

    public bool IsPostgres => cluster is not null;

    public string Name => IsPostgres ? "PostgreSQL" : "SQLite";

    /// <summary>The settings of one new Flux instance: none on SQLite (its files are in the data folder), else a new database.</summary>
    public async Task<Dictionary<string, string?>> SettingsForNewInstanceAsync()
    {
        if (cluster is null)
            return [];
        var name = $"flux_bench_{Guid.NewGuid():N}";
        await using (var server = new NpgsqlConnection(cluster.ConnectionString))
        {
            await server.OpenAsync();
            await using var create = server.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name}\"";
            await create.ExecuteNonQueryAsync();
        }
        return new()
        {
            ["Flux:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Flux"] = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = name }.ConnectionString,
        };
    }
}

/// <summary>
/// A throwaway PostgreSQL cluster for one benchmark run, made by the tests' <c>.ci/postgres</c> (Debian's
/// <c>postgresql</c>, <c>fsync</c> on, a free port on 127.0.0.1) in a folder of its own (<see cref="CiServer"/>).
/// </summary>
public sealed class PostgresCluster(CiServer server) : IAsyncDisposable
{
    public string ConnectionString => server.Address;

    public static async Task<PostgresCluster> StartAsync() => new(await CiServer.StartAsync("postgres", "postgresql", Path.Combine("data", "postmaster.pid")));

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
