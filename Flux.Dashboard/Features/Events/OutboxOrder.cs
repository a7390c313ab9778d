using System.Data.Common;
using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// Keeps outbox events committed in the order of their sequence numbers, which the dispatcher and the event streams rely
/// on ("every undispatched event up to the last sequence read is in the batch"; "send what comes after the last sequence
/// sent"). SQLite's one writer gives that by itself. On PostgreSQL a transaction that took sequence 11 could commit
/// before the one that took 10, so every transaction that appends events takes one lock before its INSERT and holds it
/// until it ends: sequences are then handed out one transaction after another, in commit order.
/// </summary>
public sealed class OutboxOrder : DbCommandInterceptor
{
    private const string LockName = "flux:outbox";
    private static readonly string Insert = $"INSERT INTO \"{OutboxEventConfiguration.Table}\"";

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains(Insert, StringComparison.Ordinal))
            await DatabaseLocks.LockBeforeAsync(command, LockName, cancellationToken);
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (command.CommandText.Contains(Insert, StringComparison.Ordinal))
            DatabaseLocks.LockBeforeAsync(command, LockName, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }
}
