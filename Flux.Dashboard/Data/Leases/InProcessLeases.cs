using System.Collections.Concurrent;

namespace Flux.Dashboard.Data.Leases;

/// <summary>
/// Leases on SQLite, where one Flux instance owns the database file: a lease is held within this process only, so two
/// pieces of work under one name still run one after the other, and it is never lost.
/// </summary>
internal sealed class InProcessLeases : ILeases
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new();
    private readonly HeldLeases held = new();

    public IReadOnlyCollection<string> Held => held.Names;

    public async Task<ILease> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var gate = gates.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        held.Add(name);
        return new Lease(name, () =>
        {
            held.Remove(name);
            gate.Release();
        });
    }

    private sealed class Lease(string name, Action release) : ILease
    {
        public string Name => name;

        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync()
        {
            release();
            return ValueTask.CompletedTask;
        }
    }
}
