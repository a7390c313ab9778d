using System.Data.Common;
using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// Keeps outbox events committed in the order of their sequence numbers, which the dispatcher and the event streams rely
/// on ("every undispatched event up to the last sequence read is in the batch"; "send what comes after the last sequence
/// sent"). SQLite's one writer gives that by itself. On PostgreSQL a transaction that took sequence 11 could commit
/// before the one that took 10, so every transaction that appends events takes one lock before its INSERT and holds it
/// until it ends: sequences are then handed out one transaction after another, in commit order. A save that appends
/// events runs in a transaction even when EF would send it as one autocommitted batch, so the lock has one to live in.
/// </summary>
public sealed class OutboxOrder : DbCommandInterceptor, ISaveChangesInterceptor
{
    /// <summary>The lock every transaction that appends events holds from before its INSERT until it ends.</summary>
    public const string LockName = "flux:outbox";
    private static readonly string Insert = $"INSERT INTO \"{OutboxEventConfiguration.Table}\"";

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains(Insert, StringComparison.Ordinal))
            await DatabaseLocks.LockBeforeAsync(eventData.Context, command, LockName, cancellationToken);
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (command.CommandText.Contains(Insert, StringComparison.Ordinal))
            DatabaseLocks.LockBeforeAsync(eventData.Context, command, LockName, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        InTransactionIfAppending(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        InTransactionIfAppending(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void InTransactionIfAppending(DbContext? context)
    {
        if (context is null || context.Database.IsSqlite())
            return;
        var appends = context.ChangeTracker.Entries<OutboxEvent>().Any(e => e.State == EntityState.Added);
        context.Database.AutoTransactionBehavior = appends ? AutoTransactionBehavior.Always : AutoTransactionBehavior.WhenNeeded;
    }
}
