using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Chain.Sandbox;

/// <summary>Reads sandbox payments in Horizon's paging order, optionally joined with their transactions.</summary>
internal sealed class SandboxPayments(IDbContextFactory<FluxDbContext> dbFactory)
{
    public async Task<IReadOnlyList<(SandboxPayment Payment, SandboxTransaction? Transaction)>> PageAsync(
        string? account, PageQuery query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var payments = db.Set<SandboxPayment>().AsNoTracking();
        if (account is not null)
            payments = payments.Where(p => p.To == account || p.From == account);

        if (query.CursorIsNow && query.CursorId is null)
            return [];
        if (query.CursorId is { } cursor)
            payments = query.Order == "asc" ? payments.Where(p => p.Id > cursor) : payments.Where(p => p.Id < cursor);
        payments = query.Order == "asc" ? payments.OrderBy(p => p.Id) : payments.OrderByDescending(p => p.Id);

        var page = await payments.Take(query.Limit).ToListAsync(ct);
        if (!query.JoinTransactions)
            return page.Select(p => (p, (SandboxTransaction?)null)).ToList();

        var hashes = page.Select(p => p.TransactionHash).ToList();
        var txs = await db.Set<SandboxTransaction>().AsNoTracking().Where(t => hashes.Contains(t.Hash)).ToDictionaryAsync(t => t.Hash, ct);
        return page.Select(p => (p, (SandboxTransaction?)txs[p.TransactionHash])).ToList();
    }

    public async Task<long> LatestIdAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SandboxPayment>().MaxAsync(p => (long?)p.Id, ct) ?? 0;
    }
}
