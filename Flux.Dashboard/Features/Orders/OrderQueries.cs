using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Wallets;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Orders;

/// <summary>An order as the list shows it, with the label of the wallet it is paid into (if the merchant gave one).</summary>
public sealed record OrderRow(Order Order, string? WalletLabel)
{
    public string Wallet => string.IsNullOrWhiteSpace(WalletLabel) ? PiFormat.ShortAddress(Order.PayTo) : WalletLabel;
}

public sealed record OrderPage(IReadOnlyList<OrderRow> Rows, int TotalCount);

/// <summary>
/// Reading orders for the dashboard: the filtered list a page at a time (newest first), the same list as CSV, and the
/// payments seen for one order. Every query is limited to the scope's merchant and mode.
/// </summary>
public sealed class OrderQueries(IDbContextFactory<FluxDbContext> dbFactory)
{
    public const int MaxPageSize = 100;

    public async Task<bool> AnyAsync(MerchantScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await InScope(db, scope).AnyAsync(cancellationToken);
    }

    /// <param name="page">Zero-based page number.</param>
    public async Task<OrderPage> ListAsync(MerchantScope scope, OrderFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, scope, filter);
        var total = await query.CountAsync(cancellationToken);
        var orders = await query.Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);

        var walletIds = orders.Select(o => o.WalletId).Distinct().ToList();
        var labels = await db.Set<Wallet>().AsNoTracking()
            .Where(w => w.MerchantId == scope.MerchantId && walletIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Label, cancellationToken);
        return new(orders.Select(o => new OrderRow(o, labels.GetValueOrDefault(o.WalletId))).ToList(), total);
    }

    /// <summary>Writes the whole filtered list (no paging) as CSV, streaming row by row.</summary>
    public async Task WriteCsvAsync(MerchantScope scope, OrderFilter filter, TextWriter writer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await writer.WriteAsync(OrderCsv.Header + "\r\n");
        await foreach (var order in Filtered(db, scope, filter).AsAsyncEnumerable().WithCancellation(cancellationToken))
            await writer.WriteAsync(OrderCsv.Row(order) + "\r\n");
    }

    /// <summary>The payments matched to the order, in the order they were paid; empty when the scope has no such order.</summary>
    public async Task<IReadOnlyList<ChainPayment>> PaymentsAsync(MerchantScope scope, string orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await InScope(db, scope).AnyAsync(o => o.Id == orderId, cancellationToken))
            return [];
        return await db.Set<ChainPayment>().AsNoTracking()
            .Where(p => p.OrderId == orderId)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The wallets a new order can be paid into: the scope's active wallets, the default one first.</summary>
    public async Task<IReadOnlyList<Wallet>> PayableWalletsAsync(MerchantScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Wallet>().AsNoTracking()
            .Where(w => w.MerchantId == scope.MerchantId && w.Livemode == scope.Livemode && w.RemovedAt == null)
            .OrderByDescending(w => w.IsDefault).ThenBy(w => w.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<Order> InScope(FluxDbContext db, MerchantScope scope) =>
        db.Set<Order>().AsNoTracking().Where(o => o.MerchantId == scope.MerchantId && o.Livemode == scope.Livemode);

    private static IQueryable<Order> Filtered(FluxDbContext db, MerchantScope scope, OrderFilter filter)
    {
        var query = InScope(db, scope);
        if (!filter.IncludeAbandonedButtonOrders)
            query = AbandonedButtonOrders.Except(db, query);
        if (filter.Status is { } status)
            query = query.Where(o => o.Status == status);
        if (filter.CreatedFromUtc is { } from)
            query = query.Where(o => o.CreatedAt >= from);
        if (filter.CreatedBeforeUtc is { } before)
            query = query.Where(o => o.CreatedAt < before);
        if (filter.SearchText is { } text)
        {
            // Case-insensitive on every engine: SQLite's LIKE is, PostgreSQL's is not, so both sides are lowered.
            var pattern = "%" + EscapeLike(text.ToLowerInvariant()) + "%";
            // A hash matches the order's completing transaction or any partial payment matched to it.
            query = query.Where(o =>
                EF.Functions.Like(o.Id.ToLower(), pattern, LikeEscape)
                || (o.Description != null && EF.Functions.Like(o.Description.ToLower(), pattern, LikeEscape))
                || (o.TransactionHash != null && EF.Functions.Like(o.TransactionHash.ToLower(), pattern, LikeEscape))
                || db.Set<ChainPayment>().Any(p => p.OrderId == o.Id && EF.Functions.Like(p.TransactionHash.ToLower(), pattern, LikeEscape)));
        }
        return query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id);
    }

    private const string LikeEscape = "\\";

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
