using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Tests.Chain.Watching;

/// <summary>The watcher's durable cursor, saved by two processes sharing one PostgreSQL database.</summary>
[Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.PostgresOnly)]
public sealed class StreamCursorsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "flux-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Two_processes_saving_a_networks_first_cursor_at_once_both_succeed()
    {
        using (FluxAppFactory.Start(folder, new Dictionary<string, string?>()))
        {
            // Started once: the database is migrated.
        }
        var one = new StreamCursors(TestDatabaseEngine.FactoryFor(folder), TimeProvider.System);
        var two = new StreamCursors(TestDatabaseEngine.FactoryFor(folder), TimeProvider.System);
        var networks = Enumerable.Range(0, 20).Select(n => $"race-{n}").ToList();

        await Task.WhenAll(networks.SelectMany(network => new[] { one.SaveAsync(network, "100", default), two.SaveAsync(network, "200", default) }));

        await using var db = TestDatabaseEngine.ContextFor(folder);
        var saved = await db.Set<StreamCursor>().Where(c => networks.Contains(c.Network)).ToListAsync();
        Assert.Equal(networks.Order(), saved.Select(c => c.Network).Order());
        Assert.All(saved, c => Assert.Contains(c.Cursor, new[] { "100", "200" }));
    }

    public void Dispose()
    {
        TestDatabaseEngine.DropFor(folder);
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* the OS cleans the temp folder */ }
    }
}
