using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Data;

/// <summary>
/// The group commit's own context and connection, open from its first batch on. A pooled connection is set up again on
/// every open (EF's SQL functions registered anew, statements prepared anew) and a new context builds its services on
/// first use, which cost a batch more than its inserts. Here the INSERT statements stay prepared (<see cref="RowInserts"/>)
/// and the context is reused, batch after batch. One writer uses it at a time.
/// </summary>
public sealed class WriterConnection : IAsyncDisposable
{
    private WriterConnection(FluxDbContext context)
    {
        Context = context;
        Inserts = new RowInserts(context.Model, (SqliteConnection)context.Database.GetDbConnection());
    }

    /// <summary>The context on this connection; a batch starts by clearing what the previous one tracked.</summary>
    public FluxDbContext Context { get; }

    public RowInserts Inserts { get; }

    /// <summary>Opens a context with the app's own settings (pragmas included) and keeps its connection open.</summary>
    public static async Task<WriterConnection> OpenAsync(DbContextOptions<FluxDbContext> options)
    {
        var context = new FluxDbContext(options);
        try
        {
            // Opened explicitly, the connection stays open through every query and transaction until the context is disposed.
            await context.Database.OpenConnectionAsync();
            return new WriterConnection(context);
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Inserts.Dispose();
        await Context.DisposeAsync();
    }
}
