using Flux.Dashboard.Data;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// The events among a group commit's rows are dispatched in the transaction that writes them. The writer inserts them
/// itself, out of EF's sight (<see cref="OutboxOrder"/> does not see that INSERT), so the hook asks it for the outbox's
/// lock before them, as <see cref="OutboxOrder"/> takes it before EF inserts events: they commit in sequence order.
/// </summary>
public sealed class OutboxGroupCommitHook(OutboxDispatcher dispatcher) : IGroupCommitHook
{
    public IEnumerable<string> LocksFor(IReadOnlyList<object> rows) => rows.OfType<OutboxEvent>().Any() ? [OutboxOrder.LockName] : [];

    public Task<Action> BeforeCommitAsync(FluxDbContext db, IReadOnlyList<object> rows, CancellationToken cancellationToken) =>
        dispatcher.DispatchWithinAsync(db, rows.OfType<OutboxEvent>().ToList(), cancellationToken);
}
