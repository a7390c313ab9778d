using Medallion.Threading.Postgres;

namespace Flux.Dashboard.Data.Leases;

/// <summary>
/// Leases on PostgreSQL: a session advisory lock (DistributedLock.Postgres) held on a connection of its own for as long as
/// the lease is. The server frees it the moment that connection ends, so when the holder dies (<c>kill -9</c> closes its
/// sockets) an instance waiting for the lease gets it at once. A keepalive query every few seconds notices a broken
/// connection, which cancels <see cref="ILease.Lost"/> so the holder stops its work.
/// </summary>
internal sealed class PostgresLeases(DatabaseOptions database, ILogger<PostgresLeases> logger) : ILeases
{
    private static readonly TimeSpan Keepalive = TimeSpan.FromSeconds(5);

    private readonly HeldLeases held = new();

    public IReadOnlyCollection<string> Held => held.Names;

    public async Task<ILease> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var advisoryLock = new PostgresDistributedLock(new PostgresAdvisoryLockKey(name, allowHashing: true), database.ConnectionString!,
            options => options.KeepaliveCadence(Keepalive).UseMultiplexing(false));
        var handle = await advisoryLock.AcquireAsync(timeout: null, cancellationToken);
        held.Add(name);
        var lost = handle.HandleLostToken.Register(() =>
        {
            held.Remove(name);
            logger.LogWarning("Lease {Lease} lost: its database connection broke", name);
        });
        logger.LogInformation("Lease {Lease} acquired", name);
        return new Lease(name, handle, lost, held);
    }

    private sealed class Lease(string name, PostgresDistributedLockHandle handle, CancellationTokenRegistration lost, HeldLeases held) : ILease
    {
        public string Name => name;

        public CancellationToken Lost => handle.HandleLostToken;

        public async ValueTask DisposeAsync()
        {
            await lost.DisposeAsync();
            held.Remove(name);
            await handle.DisposeAsync();
        }
    }
}
