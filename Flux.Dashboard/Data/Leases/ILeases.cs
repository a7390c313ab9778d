namespace Flux.Dashboard.Data.Leases;

/// <summary>
/// Named leases: work that must run on one Flux instance at a time (a network's payment watcher) runs while its instance
/// holds the lease. On PostgreSQL every instance on the database competes for it and another takes over when the holder
/// dies; on SQLite there is one instance, which always gets it.
/// </summary>
public interface ILeases
{
    /// <summary>Waits until this instance holds the lease <paramref name="name"/>; disposing the lease hands it back.</summary>
    Task<ILease> AcquireAsync(string name, CancellationToken cancellationToken);

    /// <summary>The names of the leases this instance holds now, for <c>/healthz</c>: the same collection until they change.</summary>
    IReadOnlyCollection<string> Held { get; }
}

/// <summary>A held lease. Work done under it stops when <see cref="Lost"/> fires: another instance may hold it then.</summary>
public interface ILease : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Cancelled when the lease is lost (its database connection broke); never on SQLite.</summary>
    CancellationToken Lost { get; }
}
