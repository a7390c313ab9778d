using System.Net;
using System.Text.RegularExpressions;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Tests.DatabaseCopy;

/// <summary>
/// <c>db copy --to-postgres</c>, run as the built app is run: a SQLite install with a row in every table moves into a fresh
/// PostgreSQL database and a Flux started there reads and carries on the same; a target holding Flux rows is refused
/// untouched. Needs a PostgreSQL server, so it runs in the PostgreSQL run only.
/// </summary>
[Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.PostgresOnly)]
public sealed partial class DatabaseCopyCommandTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string?> OnSqlite = new Dictionary<string, string?> { ["Flux:Database:Provider"] = "Sqlite" };

    private static readonly string[] ReadBack =
    [
        "/v1/orders?limit=100", "/v1/events?limit=100", "/v1/payments?limit=100", "/v1/credits/balance", "/v1/credits/ledger?limit=100",
        "/v1/buttons", "/v1/reviews", "/v1/webhook_endpoints", "/v1/wallets",
    ];

    private readonly List<string> folders = [];

    [Fact]
    public async Task An_install_with_every_kind_of_row_reads_the_same_on_the_copy_and_carries_on_there()
    {
        var source = Folder();
        var target = Folder();
        ApiMerchant merchant;
        Dictionary<string, string> before;
        using (var app = FluxAppFactory.Start(source, OnSqlite))
        {
            merchant = await EveryKindOfRow.WriteAsync(app);
            before = await ReadThroughApiAsync(app, merchant);
        }
        SqliteConnection.ClearAllPools();

        var (exit, output) = await CopyAsync(source, target);

        Assert.True(exit == 0, output);
        Assert.Contains("The copy matches its source.", output);
        Assert.Contains("Hangfire's jobs were not copied", output);
        var copied = CopiedRow().Matches(output).ToDictionary(m => m.Groups["table"].Value, m => long.Parse(m.Groups["rows"].Value.Replace(",", "")));
        Assert.Equal(34, copied.Count);
        Assert.All(copied, table => Assert.True(table.Value > 0, $"The source has no {table.Key} row: the copy of that table is untested."));
        await AssertSameValuesAsync(source, target);

        using (var app = FluxAppFactory.Start(target, new Dictionary<string, string?>()))
        {
            var after = await ReadThroughApiAsync(app, merchant);
            Assert.All(before, answer => Assert.True(answer.Value == after[answer.Key],
                $"GET {answer.Key} answers differently.\nOn SQLite:     {answer.Value}\nOn PostgreSQL: {after[answer.Key]}"));

            // New rows take keys after the copied ones: an order, its event, its payment and its spent credit.
            using var client = app.ApiClient(merchant.TestKey);
            var order = (await client.CreateOrderAsync(4.2m)).GetProperty("order_id").GetString()!;
            // Read before paying: the watcher may confirm the order before the payment's answer arrives.
            var balance = (await (await client.GetAsync("/v1/credits/balance")).JsonAsync()).GetProperty("available").GetInt32();
            using (var paid = await client.PostJsonAsync("/v1/sandbox/payments", $$"""{"order_id": "{{order}}"}"""))
                Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
            await WaitForConfirmationAsync(client, order);
            Assert.Equal(balance - 1, (await (await client.GetAsync("/v1/credits/balance")).JsonAsync()).GetProperty("available").GetInt32());
            Assert.Contains(order, await client.GetStringAsync("/v1/events?limit=1"));
            await using var sqlite = SqliteContext(source);
            await using var postgres = TestDatabaseEngine.ContextFor(target);
            var copiedLast = await sqlite.Set<OutboxEvent>().MaxAsync(e => e.Sequence);
            var sequences = await postgres.Set<OutboxEvent>().Where(e => e.Data.Contains(order)).Select(e => e.Sequence).ToListAsync();
            Assert.NotEmpty(sequences);
            Assert.All(sequences, sequence => Assert.True(sequence > copiedLast, $"Event sequence {sequence} is not after the copied {copiedLast}."));
        }
    }

    [Fact]
    public async Task A_target_holding_flux_rows_is_refused_and_left_as_it_was()
    {
        var source = Folder();
        var target = Folder();
        using (var app = FluxAppFactory.Start(source, OnSqlite))
            await app.NewApiMerchantAsync();
        using (var app = FluxAppFactory.Start(target, new Dictionary<string, string?>()))
            await app.NewApiMerchantAsync();
        SqliteConnection.ClearAllPools();
        var rowsBefore = await RowCountsAsync(target);

        var (exit, output) = await CopyAsync(source, target);

        Assert.NotEqual(0, exit);
        Assert.Contains("The target database is not empty: ", output);
        Assert.Contains("AspNetUsers", output);
        Assert.Contains("nothing was written", output);
        Assert.Equal(rowsBefore, await RowCountsAsync(target));
    }

    [Fact]
    public async Task Bad_arguments_print_the_usage_and_exit_with_2()
    {
        var (exit, output) = await FluxProcess.RunCommandAsync(Folder(), "Production", new Dictionary<string, string>(),
            ["db", "copy", "--to-sqlite", "x"], TimeSpan.FromMinutes(1));

        Assert.Equal(2, exit);
        Assert.Contains("Usage: Flux.Dashboard db copy --to-postgres", output);
    }

    public void Dispose()
    {
        foreach (var folder in folders)
        {
            TestDatabaseEngine.DropFor(folder);
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* the OS cleans the temp folder */ }
        }
    }

    /// <summary>Runs the built app's command on the source's data folder into the target folder's (new, empty) database.</summary>
    private static async Task<(int Exit, string Output)> CopyAsync(string source, string target)
    {
        var connectionString = TestDatabaseEngine.SettingsFor(target)["ConnectionStrings:Flux"]!;
        return await FluxProcess.RunCommandAsync(source, "Production", new Dictionary<string, string>(),
            ["db", "copy", "--to-postgres", connectionString], TimeSpan.FromMinutes(3));
    }

    /// <summary>What the merchant's API answers, per path and mode: the same bytes before and after the move, less Flux's own address.</summary>
    private static async Task<Dictionary<string, string>> ReadThroughApiAsync(FluxAppFactory app, ApiMerchant merchant)
    {
        var answers = new Dictionary<string, string>();
        foreach (var (mode, key) in new[] { ("test", merchant.TestKey), ("live", merchant.LiveKey) })
        {
            using var client = app.ApiClient(key);
            foreach (var path in ReadBack)
            {
                using var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                answers[$"{mode} {path}"] = (await response.Content.ReadAsStringAsync())
                    .Replace(app.BaseAddress.GetLeftPart(UriPartial.Authority), "http://flux", StringComparison.Ordinal);
            }
        }
        return answers;
    }

    /// <summary>Money and times as EF reads them on each engine: decimals exact, times the same instant to the microsecond.</summary>
    private static async Task AssertSameValuesAsync(string source, string target)
    {
        await using var sqlite = SqliteContext(source);
        await using var postgres = TestDatabaseEngine.ContextFor(target);
        var orders = await sqlite.Set<Order>().AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        var copies = await postgres.Set<Order>().AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(orders.Select(o => (o.Id, o.Status, o.Amount, o.AmountReceived)), copies.Select(o => (o.Id, o.Status, o.Amount, o.AmountReceived)));
        Assert.Contains(copies, o => o.Amount == 12.3456789m);
        Assert.Equal(orders.Select(o => Microseconds(o.CreatedAt)), copies.Select(o => Microseconds(o.CreatedAt)));
        Assert.Equal(orders.Select(o => Microseconds(o.ConfirmedAt)), copies.Select(o => Microseconds(o.ConfirmedAt)));
        var events = await sqlite.Set<OutboxEvent>().AsNoTracking().OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.Id, e.Data, e.CreatedAt }).ToListAsync();
        var copiedEvents = await postgres.Set<OutboxEvent>().AsNoTracking().OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.Id, e.Data, e.CreatedAt }).ToListAsync();
        Assert.Equal(events.Select(e => (e.Sequence, e.Id, e.Data, Microseconds(e.CreatedAt))), copiedEvents.Select(e => (e.Sequence, e.Id, e.Data, Microseconds(e.CreatedAt))));
    }

    // PostgreSQL keeps times to the microsecond, SQLite's ticks to a tenth of one.
    private static long? Microseconds(DateTimeOffset? time) => time?.UtcTicks / 10;

    private static async Task<Dictionary<string, long>> RowCountsAsync(string folder)
    {
        await using var db = TestDatabaseEngine.ContextFor(folder);
        await db.Database.OpenConnectionAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Append("__EFMigrationsHistory"))
        {
            await using var count = db.Database.GetDbConnection().CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    private static FluxDbContext SqliteContext(string folder) =>
        new(new DbContextOptionsBuilder<FluxDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "flux.db")};Pooling=False").Options);

    private static async Task WaitForConfirmationAsync(HttpClient client, string orderId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await (await client.GetAsync($"/v1/orders/{orderId}")).JsonAsync()).GetProperty("status").GetString() != "confirmed")
        {
            Assert.True(DateTime.UtcNow < deadline, $"Order {orderId} was not confirmed on the copy.");
            await Task.Delay(200);
        }
    }

    private string Folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "flux-tests", Guid.NewGuid().ToString("N"));
        folders.Add(folder);
        return folder;
    }

    [GeneratedRegex(@"^  (?<table>\w+) +(?<rows>[\d,]+)$", RegexOptions.Multiline)]
    private static partial Regex CopiedRow();
}
