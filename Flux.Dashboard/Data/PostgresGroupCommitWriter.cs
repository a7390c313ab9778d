using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Flux.Dashboard.Data;

/// <summary>
/// The group commit's write path on PostgreSQL: a pooled context per batch, whose transaction the hooks take part in; the
/// batch's rows inserted without EF's change tracking (<see cref="PostgresRowInserts"/>: one statement per table, in one
/// round trip), then SaveChanges for what the hooks staged, which may refer to those rows.
/// </summary>
public sealed class PostgresGroupCommitWriter(IDbContextFactory<FluxDbContext> dbFactory, IEnumerable<IGroupCommitHook> hooks) : IGroupCommitWriter
{
    private PostgresRowInserts? inserts;

    public async Task<IReadOnlyList<Action>> WriteAsync(IReadOnlyList<object> rows)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var committed = new List<Action>();
        foreach (var hook in hooks)
            committed.Add(await hook.BeforeCommitAsync(db, rows, CancellationToken.None));
        inserts ??= new PostgresRowInserts(db.Model);
        await inserts.InsertAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction(), rows,
            CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return committed;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
