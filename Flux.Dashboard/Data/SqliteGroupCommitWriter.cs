using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Data;

/// <summary>
/// SQLite's group commit write path: one connection and context of its own that stay open (<see cref="WriterConnection"/>),
/// SQLite's own prepared BEGIN IMMEDIATE, COMMIT and INSERTs (<see cref="RowInserts"/>), behind the <see cref="WriteGate"/>.
/// </summary>
public sealed class SqliteGroupCommitWriter(DbContextOptions<FluxDbContext> options, WriteGate writeGate, IEnumerable<IGroupCommitHook> hooks)
    : IGroupCommitWriter
{
    private WriterConnection? connection;

    public async Task<IReadOnlyList<Action>> WriteAsync(IReadOnlyList<object> rows)
    {
        try
        {
            connection ??= await WriterConnection.OpenAsync(options);
            var db = connection.Context;
            db.ChangeTracker.Clear();
            var committed = new List<Action>();
            // Before the write lock is taken: a hook's reads (the webhook listeners) need not hold it up.
            foreach (var hook in hooks)
                committed.Add(await hook.BeforeCommitAsync(db, rows, CancellationToken.None));
            using (await writeGate.EnterAsync(CancellationToken.None))
            {
                connection.Begin();
                connection.Inserts.Insert(rows);
                await db.SaveChangesAsync();
                connection.Commit();
            }
            return committed;
        }
        catch
        {
            // Whatever failed, the next transaction starts on a fresh connection.
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
            await connection.DisposeAsync();
        connection = null;
    }
}
