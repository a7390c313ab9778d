using System.Diagnostics;
using System.Globalization;
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
/// <c>postgresql</c>, <c>fsync</c> on, a free port on 127.0.0.1) in a folder of its own, so a test run's cluster is left
/// alone; stopped and deleted when the run ends. Its server processes are not this process's descendants (pg_ctl leaves
/// them running on their own), so they are counted as the run's own CPU by <see cref="MachineLoad"/>.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string state;
    private int stopped;

    private PostgresCluster(string state, string connectionString)
    {
        this.state = state;
        ConnectionString = connectionString;
        // A run ended by Ctrl+C or a signal still stops its cluster.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    public string ConnectionString { get; }

    public static async Task<PostgresCluster> StartAsync()
    {
        var state = Path.Combine(Path.GetTempPath(), $"flux-bench-postgres-{Environment.ProcessId}");
        using var script = Script("start", state);
        var output = script.StandardOutput.ReadToEndAsync();
        var error = script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        if (script.ExitCode != 0)
            throw new InvalidOperationException($".ci/postgres start failed ({script.ExitCode}): {await error}{await output}"
                + "PostgreSQL comes from Debian's postgresql package: apt-get install -y postgresql (./test.sh installs it).");
        var cluster = new PostgresCluster(state, (await output).Trim());
        var postmaster = File.ReadLines(Path.Combine(state, "data", "postmaster.pid")).First();
        MachineLoad.CountAsOwn(int.Parse(postmaster, CultureInfo.InvariantCulture));
        return cluster;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    /// <summary>Synchronous: a ProcessExit handler cannot wait for a task.</summary>
    private void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0)
            return;
        using var script = Script("stop", state);
        script.WaitForExit();
    }

    private static Process Script(string command, string state) =>
        Process.Start(new ProcessStartInfo(Path.Combine(PublishedApp.RepositoryRoot(), ".ci", "postgres"), command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["FLUX_POSTGRES_STATE"] = state },
        })!;
}
