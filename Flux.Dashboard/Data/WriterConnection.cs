using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Flux.Dashboard.Data;

/// <summary>
/// The group commit's own context and connection, open from its first batch on. A pooled connection is set up again on
/// every open (EF's SQL functions registered anew, statements prepared anew) and a new context builds its services on
/// first use, which cost a batch more than its inserts. Here the INSERT statements stay prepared (<see cref="RowInserts"/>)
/// and the context is reused, batch after batch. Its transactions are SQLite's own prepared BEGIN IMMEDIATE and COMMIT
/// (EF's and ADO.NET's compile them again every time), so the context saves what it tracks without a transaction of its
/// own, inside the open one. One writer uses it at a time.
/// </summary>
public sealed class WriterConnection : IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly sqlite3_stmt begin;
    private readonly sqlite3_stmt commit;

    private WriterConnection(FluxDbContext context)
    {
        Context = context;
        connection = (SqliteConnection)context.Database.GetDbConnection();
        Inserts = new RowInserts(context.Model, connection);
        begin = SqliteStatements.Prepare(connection, "BEGIN IMMEDIATE");
        commit = SqliteStatements.Prepare(connection, "COMMIT");
    }

    /// <summary>The context on this connection; a batch starts by clearing what the previous one tracked.</summary>
    public FluxDbContext Context { get; }

    public RowInserts Inserts { get; }

    /// <summary>Starts the batch's write transaction.</summary>
    public void Begin() => SqliteStatements.Execute(connection, begin);

    public void Commit() => SqliteStatements.Execute(connection, commit);

    /// <summary>Opens a context with the app's own settings (pragmas included) and keeps its connection open.</summary>
    public static async Task<WriterConnection> OpenAsync(DbContextOptions<FluxDbContext> options)
    {
        var context = new FluxDbContext(options);
        try
        {
            // Opened explicitly, the connection stays open through every query and transaction until the context is disposed.
            await context.Database.OpenConnectionAsync();
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            return new WriterConnection(context);
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Rolls back a transaction a failed batch left open, then closes: the native connection goes back to the pool. If the
    /// rollback fails, the pool is cleared so that this native connection is closed (which ends its transaction) instead.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (raw.sqlite3_get_autocommit(connection.Handle) == 0 && raw.sqlite3_exec(connection.Handle, "ROLLBACK") != raw.SQLITE_OK)
                SqliteConnection.ClearPool(connection);
        }
        finally
        {
            begin.Dispose();
            commit.Dispose();
            Inserts.Dispose();
        }
        await Context.DisposeAsync();
    }
}
