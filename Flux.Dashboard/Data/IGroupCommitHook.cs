namespace Flux.Dashboard.Data;

/// <summary>
/// Takes part in each of the <see cref="GroupCommit"/>'s transactions: sees the batch's new rows before they are
/// written, may stage more rows on the writer's context to commit with them, and acts once they are committed. The
/// events feature dispatches the batch's events this way, in the transaction that writes them.
/// </summary>
public interface IGroupCommitHook
{
    /// <summary>
    /// The named locks (<see cref="DatabaseLocks"/>) the batch's rows need before they are inserted. On PostgreSQL the writer
    /// takes them in the round trip of its inserts; on SQLite, where <see cref="DatabaseLocks"/> takes none, its one writer
    /// already writes one transaction after another.
    /// </summary>
    IEnumerable<string> LocksFor(IReadOnlyList<object> rows);

    /// <returns>What to do once the batch has committed.</returns>
    Task<Action> BeforeCommitAsync(FluxDbContext db, IReadOnlyList<object> rows, CancellationToken cancellationToken);
}
