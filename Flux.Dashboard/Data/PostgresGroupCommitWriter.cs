using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Flux.Dashboard.Data;

/// <summary>
/// The group commit's write path on PostgreSQL, on a context and connection of its own that stay open from the first batch
/// on: a connection taken from the pool for every batch was reset by the pool every time, seven statements before the
/// batch's own (docs/performance.md, "Round 6"). The hooks read first, outside the transaction, as on SQLite. The batch's
/// rows are inserted without EF's change tracking (<see cref="PostgresRowInserts"/>: the locks the hooks name, then one statement
/// per table, in one round trip). When the hooks staged nothing, that round trip is the whole transaction: PostgreSQL
/// runs a batch sent without one as one implicit transaction, committed at its end or rolled back whole. Otherwise it
/// runs in an explicit transaction, followed by SaveChanges for what the hooks staged, which may refer to those rows.
/// </summary>
public sealed class PostgresGroupCommitWriter(IDbContextFactory<FluxDbContext> dbFactory, IEnumerable<IGroupCommitHook> hooks) : IGroupCommitWriter
{
    /// <summary>The writer's connection's <c>application_name</c>, as <c>pg_stat_activity</c> shows it.</summary>
    public const string ApplicationName = "flux group commit";

    private PostgresRowInserts? inserts;
    private FluxDbContext? open;

    public async Task<IReadOnlyList<Action>> WriteAsync(IReadOnlyList<object> rows)
    {
        try
        {
            var committed = await ReadAsync(rows);
            await InsertAsync(open!, rows);
            return committed;
        }
        catch
        {
            // Whatever failed, the next batch starts on a new connection.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The hooks' reads and staging. A connection the server ended while it was idle fails here, before anything is
    /// written, so the batch is read again once on a new connection.
    /// </summary>
    private async Task<List<Action>> ReadAsync(IReadOnlyList<object> rows)
    {
        if (open is not null)
        {
            try
            {
                return await RunHooksAsync(open, rows);
            }
            catch (NpgsqlException) when (open.Database.GetDbConnection().State != ConnectionState.Open)
            {
                await DisposeAsync();
            }
        }
        open = await dbFactory.CreateDbContextAsync();
        await open.Database.OpenConnectionAsync();
        await open.Database.ExecuteSqlRawAsync($"SET application_name = '{ApplicationName}'");
        return await RunHooksAsync(open, rows);
    }

    private async Task<List<Action>> RunHooksAsync(FluxDbContext db, IReadOnlyList<object> rows)
    {
        db.ChangeTracker.Clear();
        var committed = new List<Action>();
        foreach (var hook in hooks)
            committed.Add(await hook.BeforeCommitAsync(db, rows, CancellationToken.None));
        return committed;
    }

    private async Task InsertAsync(FluxDbContext db, IReadOnlyList<object> rows)
    {
        inserts ??= new PostgresRowInserts(db.Model);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var locks = hooks.SelectMany(hook => hook.LocksFor(rows)).Distinct().ToList();
        if (!db.ChangeTracker.HasChanges())
        {
            await inserts.InsertAsync(connection, null, locks, rows, CancellationToken.None);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        await inserts.InsertAsync(connection, (NpgsqlTransaction)transaction.GetDbTransaction(), locks, rows, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Closes the writer's connection: back to the pool, which resets it, or discarded when broken.</summary>
    public async ValueTask DisposeAsync()
    {
        if (open is not null)
            await open.DisposeAsync();
        open = null;
    }
}
