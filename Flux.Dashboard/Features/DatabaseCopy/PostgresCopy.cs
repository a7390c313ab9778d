using Flux.Dashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Flux.Dashboard.Features.DatabaseCopy;

/// <summary>
/// Moves a SQLite <c>flux.db</c> into an empty PostgreSQL database: brings both schemas up to date, refuses a target that
/// holds Flux rows, copies every table in one PostgreSQL transaction (so a failed copy leaves nothing behind), moves the
/// identity sequences past the copied keys, then checks the copy. Writes its report to <paramref name="output"/>.
/// </summary>
public sealed class PostgresCopy(string sqlitePath, string postgresConnectionString, TextWriter output, TextWriter error)
{
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        await using var source = new FluxDbContext(new DbContextOptionsBuilder<FluxDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString())
            .Options);
        await using var target = new PostgresFluxDbContext(new DbContextOptionsBuilder<PostgresFluxDbContext>()
            .UseNpgsql(postgresConnectionString).Options);
        var where = new NpgsqlConnectionStringBuilder(postgresConnectionString);
        await output.WriteLineAsync($"Copying {sqlitePath} into PostgreSQL database \"{where.Database}\" on {where.Host}:{where.Port}.");

        var sourceMigrations = (await source.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (sourceMigrations > 0)
        {
            // As Flux itself would at start: the copy reads the current model's tables.
            await source.Database.MigrateAsync(cancellationToken);
            await output.WriteLineAsync($"Brought flux.db up to date first ({sourceMigrations} migrations).");
        }

        await target.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)target.Database.GetDbConnection();
        var plan = CopyPlan.For(source, target);
        // Checked before the migrations too, so a database in use is refused untouched.
        if (!await IsEmptyAsync(plan, connection, null, cancellationToken))
            return false;
        var targetMigrations = (await target.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await target.Database.MigrateAsync(cancellationToken);
        await output.WriteLineAsync(targetMigrations > 0
            ? $"Created Flux's tables in the target ({targetMigrations} migrations)."
            : "The target's tables are up to date.");

        if (!await CopyTablesAsync(plan, source, target, connection, cancellationToken))
            return false;

        var checks = await CopyChecks.RunAsync(plan, source, target, cancellationToken);
        await output.WriteLineAsync("Checks:");
        foreach (var check in checks)
        {
            await output.WriteLineAsync($"  {check.Name,-16} {(check.Passed ? "equal" : "DIFFERENT")} ({check.Compared} compared)");
            foreach (var difference in check.Differences)
                await output.WriteLineAsync($"    {difference}");
        }
        if (checks.Any(c => !c.Passed))
        {
            await error.WriteLineAsync("The copy does not match its source (above). Was Flux still running on flux.db? Drop the target database, stop Flux and copy again.");
            return false;
        }
        await output.WriteLineAsync("""
            The copy matches its source.
            Hangfire's jobs were not copied: Flux registers its recurring jobs again when it starts, and the every-minute
            webhook sweep restarts pending deliveries, which are in Flux's own tables.
            Start Flux on it with Flux__Database__Provider=Postgres and ConnectionStrings__Flux set to this connection string.
            """);
        return true;
    }

    private async Task<bool> IsEmptyAsync(CopyPlan plan, NpgsqlConnection connection, NpgsqlTransaction? transaction,
        CancellationToken cancellationToken)
    {
        var withRows = await TargetTables.WithRowsAsync(plan, connection, transaction, cancellationToken);
        if (withRows.Count == 0)
            return true;
        await error.WriteLineAsync($"The target database is not empty: {string.Join(", ", withRows)} already hold rows. "
            + "db copy only fills an empty database (create one, e.g. createdb flux); nothing was written.");
        return false;
    }

    private async Task<bool> CopyTablesAsync(CopyPlan plan, FluxDbContext source, PostgresFluxDbContext target,
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        await TargetTables.LockAsync(plan, connection, npgsqlTransaction, cancellationToken);
        // Again under the lock: nothing wrote to the target since the first look.
        if (!await IsEmptyAsync(plan, connection, npgsqlTransaction, cancellationToken))
            return false;
        await TargetTables.RemoveSeedRowsAsync(plan, connection, npgsqlTransaction, cancellationToken);

        await source.Database.OpenConnectionAsync(cancellationToken);
        var sqlite = (SqliteConnection)source.Database.GetDbConnection();
        long total = 0;
        await using (var snapshot = sqlite.BeginTransaction(deferred: true))
        {
            await output.WriteLineAsync("Copied rows:");
            foreach (var table in plan.Tables)
            {
                var copied = await TableCopy.CopyAsync(table, sqlite, snapshot, connection, npgsqlTransaction, cancellationToken);
                total += copied;
                await output.WriteLineAsync(FormattableString.Invariant($"  {table.Name,-24} {copied,12:N0}"));
            }
        }
        await output.WriteLineAsync(FormattableString.Invariant($"  {"all " + plan.Tables.Count + " tables",-24} {total,12:N0}"));

        var sequences = await TargetTables.MoveSequencesAsync(plan, connection, npgsqlTransaction, cancellationToken);
        await output.WriteLineAsync("Identity sequences moved past the copied keys (next value):");
        foreach (var (column, next) in sequences)
            await output.WriteLineAsync(FormattableString.Invariant($"  {column,-24} {next,12:N0}"));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
