using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Flux.Dashboard.Data;

/// <summary>
/// Per-connection SQLite settings (PRAGMAs are not kept in the file), set once on each native connection (the
/// connection pool hands the same native connection out again with its settings):
/// <list type="bullet">
/// <item><c>busy_timeout</c>: a writer that finds another writer's lock waits inside SQLite, which retries within
/// milliseconds, instead of in Microsoft.Data.Sqlite's own retry, which sleeps 150 ms per attempt.</item>
/// <item><c>synchronous</c> (<see cref="FluxDataOptions.Synchronous"/>): <c>NORMAL</c>, SQLite's advice for WAL, syncs
/// the WAL at checkpoints rather than at every commit; the file stays consistent through any crash and a commit
/// survives the app crashing, but the last commits before a power cut or OS crash may be lost. <c>FULL</c> syncs
/// every commit, which caps all writes together at the disk's sync rate.</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionPragmas(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string pragmas = $"PRAGMA busy_timeout = 30000; PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()};";
    private readonly ConditionalWeakTable<object, object> configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (configured.TryGetValue(Native(connection), out _))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
        configured.AddOrUpdate(Native(connection), this);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (configured.TryGetValue(Native(connection), out _))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        configured.AddOrUpdate(Native(connection), this);
    }

    /// <summary>The native SQLite connection, which outlives the pooled <see cref="SqliteConnection"/> objects that wrap it.</summary>
    private static object Native(DbConnection connection) => ((SqliteConnection)connection).Handle!;
}
