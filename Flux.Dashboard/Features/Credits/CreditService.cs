using Flux.Dashboard.Api;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Credits;

/// <summary>A merchant's credit balance per mode, and adding credits (which confirms orders that waited for one).</summary>
public sealed class CreditService(IDbContextFactory<FluxDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The scope's balance; the first look at a test balance writes its starting sandbox credits.</summary>
    public async Task<int> BalanceAsync(MerchantScope scope, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var balance = await new CreditBook(db, clock).BalanceAsync(scope.MerchantId, scope.Livemode, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return balance;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another first look wrote the starting credits at the same moment (the unique index kept one): read them.
            }
        }
    }

    /// <summary>Credits the scope has spent on confirmed orders, all time.</summary>
    public async Task<int> UsedAsync(MerchantScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return -await db.Set<CreditEntry>()
            .Where(e => e.MerchantId == scope.MerchantId && e.Livemode == scope.Livemode && e.Reason == CreditReason.Order)
            .SumAsync(e => e.Delta, cancellationToken);
    }

    public const string LedgerIdPrefix = "cle_";

    /// <summary>A page of the scope's ledger, newest first; null when the cursor names no line of the scope.</summary>
    public async Task<ListPage<CreditEntry>?> LedgerPageAsync(MerchantScope scope, ListRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenLedgerAsync(scope, cancellationToken);
        var lines = db.Set<CreditEntry>().AsNoTracking().Where(e => e.MerchantId == scope.MerchantId && e.Livemode == scope.Livemode)
            .CreatedWithin(request, e => e.CreatedAt);
        var take = request.Limit + 1;
        if (request.Cursor is null)
            return ListPage<CreditEntry>.From(await lines.OrderByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken), request);

        if (!request.Cursor.StartsWith(LedgerIdPrefix, StringComparison.Ordinal)
            || !long.TryParse(request.Cursor[LedgerIdPrefix.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cursor)
            || !await lines.AnyAsync(e => e.Id == cursor, cancellationToken))
            return null;
        var rows = request.StartingAfter is not null
            ? await lines.Where(e => e.Id < cursor).OrderByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken)
            : await lines.Where(e => e.Id > cursor).OrderBy(e => e.Id).Take(take).ToListAsync(cancellationToken);
        return ListPage<CreditEntry>.From(rows, request);
    }

    /// <summary>The scope's ledger lines the filter lets through, newest first (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<CreditEntry>> LedgerAsync(MerchantScope scope, LedgerFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenLedgerAsync(scope, cancellationToken);
        return await Filtered(db, scope, filter).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>Writes the filtered ledger as CSV (<see cref="LedgerCsv"/>), newest first.</summary>
    public async Task WriteLedgerCsvAsync(MerchantScope scope, LedgerFilter filter, TextWriter writer, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenLedgerAsync(scope, cancellationToken);
        await writer.WriteAsync(LedgerCsv.Header + "\r\n");
        await foreach (var line in Filtered(db, scope, filter).AsAsyncEnumerable().WithCancellation(cancellationToken))
            await writer.WriteAsync(LedgerCsv.Row(line) + "\r\n");
    }

    /// <summary>A context on the scope's ledger; a test ledger always opens with its starting sandbox credits.</summary>
    private async Task<FluxDbContext> OpenLedgerAsync(MerchantScope scope, CancellationToken cancellationToken)
    {
        await BalanceAsync(scope, cancellationToken);
        return await dbFactory.CreateDbContextAsync(cancellationToken);
    }

    private static IQueryable<CreditEntry> Filtered(FluxDbContext db, MerchantScope scope, LedgerFilter filter)
    {
        var lines = db.Set<CreditEntry>().AsNoTracking().Where(e => e.MerchantId == scope.MerchantId && e.Livemode == scope.Livemode);
        if (filter.Kind is { } kind)
            lines = lines.Where(e => e.Reason == kind);
        if (filter.FromUtc is { } from)
            lines = lines.Where(e => e.CreatedAt >= from);
        if (filter.BeforeUtc is { } before)
            lines = lines.Where(e => e.CreatedAt < before);
        return lines.OrderByDescending(e => e.Id);
    }

    /// <summary>
    /// "Refill sandbox credits": adds <see cref="CreditBook.SandboxRefillCredits"/> to the scope's test balance; false, and
    /// nothing written, for a live scope (a page left in test mode, or a crafted request, cannot mint live credits).
    /// </summary>
    public async Task<bool> RefillSandboxAsync(MerchantScope scope, CancellationToken cancellationToken = default)
    {
        if (scope.Livemode)
            return false;
        await AddAsync(scope, CreditBook.SandboxRefillCredits, CreditReason.SandboxRefill, "Refilled from the Credits page", cancellationToken);
        return true;
    }

    /// <summary>Adds credits, then confirms the scope's awaiting_credit orders oldest first, all in one transaction.</summary>
    public async Task<int> AddAsync(MerchantScope scope, int credits, CreditReason reason, string? note, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var book = new CreditBook(db, clock);
        await book.AddAsync(scope.MerchantId, scope.Livemode, credits, reason, note, cancellationToken);
        await ConfirmationService.ConfirmAwaitingAsync(db, book, scope.MerchantId, scope.Livemode, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await book.BalanceAsync(scope.MerchantId, scope.Livemode, cancellationToken);
    }
}
