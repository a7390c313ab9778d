using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Data;

/// <summary>
/// The group commit's own connection and context, open from its first batch on. A pooled connection is set up again on
/// every open (EF's SQL functions registered anew, statements prepared anew) and a new context builds its services on
/// first use, which cost a batch more than its inserts. Here the INSERT statements stay prepared (<see cref="RowInserts"/>)
/// and the context is reused, batch after batch. One writer uses it at a time.
/// </summary>
public sealed class WriterConnection : IAsyncDisposable
{
    private readonly SqliteConnection connection;

    private WriterConnection(SqliteConnection connection, DbContextOptions<FluxDbContext> options)
    {
        this.connection = connection;
        // The app's own settings with this connection in place of the pool: EF then shares its services and model.
        Context = new FluxDbContext(new DbContextOptionsBuilder<FluxDbContext>(options).UseSqlite(connection, DataExtensions.SqliteSettings).Options);
        Inserts = new RowInserts(Context.Model, connection);
    }

    /// <summary>The context on this connection; a batch starts by clearing what the previous one tracked.</summary>
    public FluxDbContext Context { get; }

    public RowInserts Inserts { get; }

    public static async Task<WriterConnection> OpenAsync(FluxDatabase database, DbContextOptions<FluxDbContext> options)
    {
        var connection = new SqliteConnection(database.ConnectionString);
        try
        {
            await connection.OpenAsync();
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = SqliteConnectionPragmas.Statements(database.Synchronous);
            await pragmas.ExecuteNonQueryAsync();
            return new WriterConnection(connection, options);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Inserts.Dispose();
        await Context.DisposeAsync();
        await connection.DisposeAsync();
    }
}
