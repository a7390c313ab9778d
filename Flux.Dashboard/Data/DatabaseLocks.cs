using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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

    // The methods a SQLite deployment runs name no Npgsql type, so running them loads none of Npgsql's (DatabaseEngine).

    /// <returns>Whether a lock was taken (on PostgreSQL, in a transaction).</returns>
    public static async Task<bool> LockAsync(FluxDbContext db, string name, CancellationToken cancellationToken)
    {
        if (!db.RunsOnPostgres() || db.Database.CurrentTransaction is not { } transaction)
            return false;
        await LockAsync(transaction.GetDbTransaction(), name, cancellationToken);
        return true;
    }

    /// <summary>On PostgreSQL, a batch's statement that takes the lock: first in a batch, it is taken in the batch's round trip.</summary>
    public static NpgsqlBatchCommand BatchCommand(string name) => new(Sql) { Parameters = { new NpgsqlParameter("name", name) } };

    /// <summary>Takes the lock on the connection and transaction of <paramref name="command"/>, sent by <paramref name="db"/>, before it runs.</summary>
    public static async Task LockBeforeAsync(DbContext? db, DbCommand command, string name, CancellationToken cancellationToken)
    {
        if (db?.RunsOnPostgres() == true && command.Transaction is { } transaction)
            await LockAsync(transaction, name, cancellationToken);
    }

    private static async Task LockAsync(DbTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var lockCommand = transaction.Connection!.CreateCommand();
        lockCommand.Transaction = transaction;
        lockCommand.CommandText = Sql;
        var parameter = lockCommand.CreateParameter();
        parameter.ParameterName = "name";
        parameter.Value = name;
        lockCommand.Parameters.Add(parameter);
        await lockCommand.ExecuteNonQueryAsync(cancellationToken);
    }
}
