using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Credits;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.DatabaseCopy;

/// <summary>One check of the copy: how many things it compared and each one that differs.</summary>
public sealed record CopyCheck(string Name, int Compared, IReadOnlyList<string> Differences)
{
    public bool Passed => Differences.Count == 0;
}

/// <summary>
/// Compares the copy with its source after the copy committed, reading each side afresh: rows per table, every
/// merchant's credit balance per mode, and the watcher's cursors. Balances and cursors are read through EF on both
/// engines, so the values a running Flux would see are the ones compared.
/// </summary>
public static class CopyChecks
{
    public static async Task<IReadOnlyList<CopyCheck>> RunAsync(CopyPlan plan, FluxDbContext source, FluxDbContext target,
        CancellationToken cancellationToken) =>
    [
        await RowCountsAsync(plan, source, target, cancellationToken),
        Compare("credit balances", await BalancesAsync(source, cancellationToken), await BalancesAsync(target, cancellationToken)),
        Compare("watcher cursors", await CursorsAsync(source, cancellationToken), await CursorsAsync(target, cancellationToken)),
    ];

    private static async Task<CopyCheck> RowCountsAsync(CopyPlan plan, FluxDbContext source, FluxDbContext target,
        CancellationToken cancellationToken)
    {
        var sourceCounts = new Dictionary<string, long>();
        var targetCounts = new Dictionary<string, long>();
        foreach (var table in plan.Tables)
        {
            sourceCounts[table.Name] = await CountAsync(source, table.SourceName, cancellationToken);
            targetCounts[table.Name] = await CountAsync(target, table.TargetName, cancellationToken);
        }
        return Compare("rows per table", sourceCounts, targetCounts);
    }

    private static async Task<long> CountAsync(FluxDbContext db, string table, CancellationToken cancellationToken)
    {
        await using var count = db.Database.GetDbConnection().CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>Each merchant-and-mode balance: the balance after its ledger's last line, as <see cref="CreditBook"/> reads it.</summary>
    private static async Task<Dictionary<string, int>> BalancesAsync(FluxDbContext db, CancellationToken cancellationToken)
    {
        var lastLines = db.Set<CreditEntry>().GroupBy(e => new { e.MerchantId, e.Livemode }).Select(g => g.Max(e => e.Id));
        return await db.Set<CreditEntry>().AsNoTracking()
            .Where(e => lastLines.Contains(e.Id))
            .ToDictionaryAsync(e => $"{e.MerchantId} ({(e.Livemode ? "live" : "test")})", e => e.BalanceAfter, cancellationToken);
    }

    private static async Task<Dictionary<string, string>> CursorsAsync(FluxDbContext db, CancellationToken cancellationToken) =>
        await db.Set<StreamCursor>().AsNoTracking().ToDictionaryAsync(c => c.Network, c => c.Cursor, cancellationToken);

    private static CopyCheck Compare<T>(string name, IReadOnlyDictionary<string, T> source, IReadOnlyDictionary<string, T> target)
    {
        var differences = source.Keys.Union(target.Keys).Order(StringComparer.Ordinal)
            .Where(key => !source.TryGetValue(key, out var was) || !target.TryGetValue(key, out var now) || !Equals(was, now))
            .Select(key => $"{key}: {Show(source, key)} in SQLite, {Show(target, key)} in PostgreSQL")
            .ToList();
        return new CopyCheck(name, source.Count, differences);
    }

    private static string Show<T>(IReadOnlyDictionary<string, T> values, string key) =>
        values.TryGetValue(key, out var value) ? $"{value}" : "none";
}
