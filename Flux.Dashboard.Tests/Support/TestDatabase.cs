using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Tests.Support;

/// <summary>A migrated SQLite file of its own, for tests that need the database without the whole app.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "flux-tests", Guid.NewGuid().ToString("N"));

    public TestDatabase()
    {
        Directory.CreateDirectory(folder);
        ConnectionString = $"Data Source={Path.Combine(folder, "flux.db")};Pooling=False";
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public string ConnectionString { get; }

    /// <summary>SQLite as the app sets each connection up: a writer that finds another one's lock waits for it (busy_timeout).</summary>
    public void Configure(DbContextOptionsBuilder options) =>
        options.UseSqlite(ConnectionString).AddInterceptors(new SqliteConnectionPragmas(new FluxDataOptions().Synchronous));

    public FluxDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<FluxDbContext>();
        Configure(options);
        return new FluxDbContext(options.Options);
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* best effort: the OS cleans the temp folder */ }
    }
}
