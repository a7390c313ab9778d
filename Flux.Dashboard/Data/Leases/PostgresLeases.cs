using Medallion.Threading.Postgres;
using Npgsql;

namespace Flux.Dashboard.Data.Leases;

/// <summary>
/// Leases on PostgreSQL: a session advisory lock (DistributedLock.Postgres) held on a connection of its own for as long as
/// the lease is. The server frees it once that connection ends, so when the holder dies (<c>kill -9</c> closes its
/// sockets) an instance waiting for the lease gets it within a second or two. A keepalive query every few seconds notices a broken
/// connection, which cancels <see cref="ILease.Lost"/> so the holder stops its work.
/// </summary>
internal sealed class PostgresLeases(DatabaseOptions database, ILogger<PostgresLeases> logger) : ILeases
{
    private static readonly TimeSpan Keepalive = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The lock's connection asks the server to check every second that its client is still there, even mid-query: the
    /// library watches a held lock with a long <c>pg_sleep</c>, and without the check the server would notice a killed
    /// holder, and free its lease, only when that sleep ends.
    /// </summary>
    private readonly string connectionString = CheckingClient(database.ConnectionString!);

    private readonly HeldLeases held = new();

    public IReadOnlyCollection<string> Held => held.Names;

    public async Task<ILease> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var advisoryLock = new PostgresDistributedLock(new PostgresAdvisoryLockKey(name, allowHashing: true), connectionString,
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

    private static string CheckingClient(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c client_connection_check_interval=1000".Trim();
        return builder.ConnectionString;
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
