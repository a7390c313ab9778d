using System.Collections.Concurrent;

namespace Flux.Dashboard.Data.Leases;

/// <summary>The names of the leases held now, kept by both kinds of <see cref="ILeases"/>.</summary>
internal sealed class HeldLeases
{
    private readonly ConcurrentDictionary<string, byte> names = new();

    public IReadOnlyCollection<string> Names => names.Keys.Order(StringComparer.Ordinal).ToList();

    public void Add(string name) => names[name] = 0;

    public void Remove(string name) => names.TryRemove(name, out _);
}
