using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Flux.Dashboard.Data;

/// <summary>
/// SQLite's own prepared statements on an open connection, for the group commit's hot path: compiled once, bound by
/// position, with errors raised as Microsoft.Data.Sqlite raises them.
/// </summary>
public static class SqliteStatements
{
    public static sqlite3_stmt Prepare(SqliteConnection connection, string sql)
    {
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        return statement;
    }

    /// <summary>Runs a statement that returns no rows (bound beforehand), and leaves it ready for the next run.</summary>
    public static void Execute(SqliteConnection connection, sqlite3_stmt statement)
    {
        try
        {
            if (raw.sqlite3_step(statement) is var rc and not raw.SQLITE_DONE)
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }
}
