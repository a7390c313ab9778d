namespace Flux.Dashboard.Data.Leases;

/// <summary>
/// The names of the leases held now, kept by both kinds of <see cref="ILeases"/>. They change rarely (a watcher starts,
/// stops or fails over), so each change makes a new sorted snapshot and readers (every <c>/healthz</c>) share it.
/// </summary>
internal sealed class HeldLeases
{
    private readonly Lock gate = new();
    private readonly HashSet<string> names = [];
    private IReadOnlyCollection<string> snapshot = [];

    /// <summary>The same collection until a lease is taken or given back.</summary>
    public IReadOnlyCollection<string> Names => Volatile.Read(ref snapshot);

    public void Add(string name) => Change(() => names.Add(name));

    public void Remove(string name) => Change(() => names.Remove(name));

    private void Change(Func<bool> change)
    {
        lock (gate)
        {
            if (change())
                Volatile.Write(ref snapshot, names.Order(StringComparer.Ordinal).ToArray());
        }
    }
}
