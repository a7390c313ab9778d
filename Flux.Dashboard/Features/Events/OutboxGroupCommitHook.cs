using Flux.Dashboard.Data;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// The events among a group commit's rows are dispatched in the transaction that writes them. The writer inserts them
/// itself, out of EF's sight (<see cref="OutboxOrder"/> does not see that INSERT), so the hook takes the outbox's lock
/// for them first, as <see cref="OutboxOrder"/> does before EF inserts events: they commit in sequence order.
/// </summary>
public sealed class OutboxGroupCommitHook(OutboxDispatcher dispatcher) : IGroupCommitHook
{
    public async Task<Action> BeforeCommitAsync(FluxDbContext db, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var events = rows.OfType<OutboxEvent>().ToList();
        var afterCommit = await dispatcher.DispatchWithinAsync(db, events, cancellationToken);
        if (events.Count > 0)
            await DatabaseLocks.LockAsync(db, OutboxOrder.LockName, cancellationToken);
        return afterCommit;
    }
}
