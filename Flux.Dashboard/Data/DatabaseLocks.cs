using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Flux.Dashboard.Data;

/// <summary>
/// Named locks held until the transaction ends, where the engine needs them: on PostgreSQL a transaction-scoped advisory
/// lock (<c>pg_advisory_xact_lock</c>), so concurrent transactions on a name run one after another; on SQLite nothing, as
/// its one writer already runs write transactions one after another. Outside a transaction a lock would end at once, so
/// none is taken.
/// </summary>
public static class DatabaseLocks
{
    private const string Sql = "SELECT pg_advisory_xact_lock(hashtextextended(@name, 0))";

    /// <returns>Whether a lock was taken (on PostgreSQL, in a transaction).</returns>
    public static async Task<bool> LockAsync(FluxDbContext db, string name, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction is null)
            return false;
        await db.Database.ExecuteSqlRawAsync(Sql, [new NpgsqlParameter("name", name)], cancellationToken);
        return true;
    }

    /// <summary>On PostgreSQL, a batch's statement that takes the lock: first in a batch, it is taken in the batch's round trip.</summary>
    public static NpgsqlBatchCommand BatchCommand(string name) => new(Sql) { Parameters = { new NpgsqlParameter("name", name) } };

    /// <summary>Takes the lock on the connection and transaction of <paramref name="command"/> before it runs.</summary>
    public static async Task LockBeforeAsync(DbCommand command, string name, CancellationToken cancellationToken)
    {
        if (command is not NpgsqlCommand npgsql || npgsql.Transaction is null)
            return;
        await using var lockCommand = new NpgsqlCommand(Sql, npgsql.Connection, npgsql.Transaction);
        lockCommand.Parameters.AddWithValue("name", name);
        await lockCommand.ExecuteNonQueryAsync(cancellationToken);
    }
}
