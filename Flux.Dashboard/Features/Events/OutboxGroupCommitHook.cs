using Flux.Dashboard.Data;

namespace Flux.Dashboard.Features.Events;

/// <summary>The events among a group commit's rows are dispatched in the transaction that writes them.</summary>
public sealed class OutboxGroupCommitHook(OutboxDispatcher dispatcher) : IGroupCommitHook
{
    public Task<Action> BeforeCommitAsync(FluxDbContext db, IReadOnlyList<object> rows, CancellationToken cancellationToken) =>
        dispatcher.DispatchWithinAsync(db, rows.OfType<OutboxEvent>().ToList(), cancellationToken);
}
