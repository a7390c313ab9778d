using Flux.Dashboard.Data;
using Microsoft.Data.Sqlite;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Tests.Crash;

/// <summary>The flux.db of a data folder, opened from outside the app on an unpooled connection (nothing stays open).</summary>
internal static class FluxDatabaseFile
{
    public static FluxDbContext Open(string dataFolder, bool readOnly)
    {
        if (TestDatabaseEngine.IsPostgres)
            return TestDatabaseEngine.ContextFor(dataFolder);
        var connection = new SqliteConnectionStringBuilder
        {
            DataSource = new FluxDataOptions { Folder = dataFolder }.DatabasePath(dataFolder),
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
        };
        return new FluxDbContext(new DbContextOptionsBuilder<FluxDbContext>().UseSqlite(connection.ToString()).Options);
    }
}
