using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// Rings the dispatcher's <see cref="OutboxSignal"/> when a save that adds undispatched events has committed: at once for
/// a save in its own transaction, or when the caller's transaction commits. No producer has to remember to wake it.
/// </summary>
public sealed class OutboxWake(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // What a save found, until it (or its transaction) commits; weak, so an abandoned context or transaction leaves nothing.
    private readonly ConditionalWeakTable<DbContext, object> savesWithEvents = new();
    private readonly ConditionalWeakTable<DbTransaction, object> transactionsWithEvents = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        RingIfSaved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RingIfSaved(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context)
            savesWithEvents.Remove(context);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (transactionsWithEvents.Remove(transaction))
            signal.Ring();
    }

    private void Note(DbContext? context)
    {
        if (context is null || !AddsUndispatchedEvents(context))
            return;
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
            transactionsWithEvents.AddOrUpdate(transaction, this);
        else
            savesWithEvents.AddOrUpdate(context, this);
    }

    private void RingIfSaved(DbContext? context)
    {
        if (context is not null && savesWithEvents.Remove(context))
            signal.Ring();
    }

    private static bool AddsUndispatchedEvents(DbContext context)
    {
        // SaveChanges has just detected changes: looking again would scan every tracked entity a second time.
        var detect = context.ChangeTracker.AutoDetectChangesEnabled;
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return context.ChangeTracker.Entries<OutboxEvent>().Any(e => e.State == EntityState.Added && e.Entity.DispatchedAt is null);
        }
        finally
        {
            context.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
