using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Flux.Dashboard.Data;

/// <summary>
/// Per-connection SQLite settings (PRAGMAs are not kept in the file), set on every open:
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

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
