using Flux.Dashboard.Data;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// A consumer that must learn of each event exactly once (webhooks, low-credit mails): it adds its rows to the dispatcher's unit of work,
/// so they are saved in the same transaction that marks the events dispatched.
/// </summary>
public interface IOutboxFanOut
{
    /// <summary>Stages rows for the batch in <paramref name="db"/>; the returned action runs once they are committed.</summary>
    Task<Action> StageAsync(FluxDbContext db, IReadOnlyList<OutboxEvent> batch, CancellationToken cancellationToken);
}
