using System.Net.Http.Headers;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Crash;
using Flux.Dashboard.Tests.ScaleOut;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Data;

/// <summary>
/// A SQLite deployment never loads PostgreSQL's driver or EF's PostgreSQL provider, code it would map and never run
/// (docs/performance.md, P6). The built app, as its own process, starts on an up-to-date database (its migrations only
/// checked: EF's migrator lists every type of Flux's assembly, which loads the driver) and confirms a sandbox order (the
/// payment lock, the credit, the outbox's events, the watcher's cursor); then its memory map must name neither.
/// </summary>
[Collection(CrashCheckCollection.Name)]
[Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.SqliteOnly)]
public sealed class SqliteDeploymentAssembliesTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "flux-sqlite-assemblies", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Starting_and_confirming_an_order_on_sqlite_loads_no_postgresql_code()
    {
        Directory.CreateDirectory(folder);
        var merchant = await CrashMerchant.CreateAsync(folder, orders: 1);
        await using var flux = FluxProcess.Start(folder, "Production", logFile: Path.Combine(folder, "flux-process.log"));
        await flux.WaitHealthyAsync(Limit);
        using var api = new HttpClient { BaseAddress = flux.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", merchant.SecretKey);

        var orderId = await FluxInstances.CreateOrderAsync(api, 0);
        await FluxInstances.PayAsync(api, orderId);
        await api.WaitForOrderStatusAsync(orderId, "confirmed");

        var mapped = File.ReadLines($"/proc/{flux.Id}/maps").Select(line => Path.GetFileName(line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Last()))
            .Where(file => file.StartsWith("Npgsql", StringComparison.Ordinal)).Distinct();
        Assert.Empty(mapped);
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* the OS cleans the temp folder */ }
    }
}
