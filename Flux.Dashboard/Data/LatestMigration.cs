using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Data;

/// <summary>
/// The last migration of each engine, so that a start on an up-to-date database asks it one question instead of building
/// EF's migrator, which lists every type of Flux's assembly to find the migrations: about 60 ms of a published start,
/// and on SQLite it mapped Npgsql (docs/performance.md). MigrationsTests fails when a migration is added and this is not.
/// </summary>
public static class LatestMigration
{
    public const string Sqlite = "20261203173112_OrderStatusConcurrency";
    public const string Postgres = "20261203173509_OrderStatusConcurrencyPostgres";

    public static string Of(DbContext db) => db.RunsOnPostgres() ? Postgres : Sqlite;

    /// <summary>
    /// Whether the database's migration history ends with this build's last migration, so there is nothing to apply.
    /// False for a new database (no history yet), one a migration behind, and one migrated by a newer build of Flux.
    /// </summary>
    public static async Task<bool> IsAppliedAsync(DbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" DESC LIMIT 1""";
            return await command.ExecuteScalarAsync() is string last && last == Of(db);
        }
        catch (DbException)
        {
            return false; // no history table: EF's migrator creates it
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
