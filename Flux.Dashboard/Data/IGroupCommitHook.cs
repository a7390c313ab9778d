namespace Flux.Dashboard.Data;

/// <summary>
/// Takes part in each of the <see cref="GroupCommit"/>'s transactions: sees the batch's new rows before they are
/// written, may stage more rows on the writer's context to commit with them, and acts once they are committed. The
/// events feature dispatches the batch's events this way, in the transaction that writes them.
/// </summary>
public interface IGroupCommitHook
{
    /// <returns>What to do once the batch has committed.</returns>
    Task<Action> BeforeCommitAsync(FluxDbContext db, IReadOnlyList<object> rows, CancellationToken cancellationToken);
}
