namespace Flux.Dashboard.Data;

/// <summary>How one <see cref="GroupCommit"/> transaction is written on the app's database engine.</summary>
public interface IGroupCommitWriter : IAsyncDisposable
{
    /// <summary>
    /// Writes <paramref name="rows"/> (new entities, in order) in one transaction that the <see cref="IGroupCommitHook"/>s
    /// take part in; returns their follow-ups, to run once it has committed. After a failure the next call starts afresh.
    /// </summary>
    Task<IReadOnlyList<Action>> WriteAsync(IReadOnlyList<object> rows);
}
