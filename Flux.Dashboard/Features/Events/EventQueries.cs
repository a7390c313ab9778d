using Flux.Dashboard.Api;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Events;

/// <summary>Reads the outbox as a merchant's event log, always within one merchant and mode.</summary>
public sealed class EventQueries(IDbContextFactory<FluxDbContext> dbFactory)
{
    /// <summary>A page of the scope's events, newest first, anchored on an event id; null when the anchor is not one of them.</summary>
    public async Task<ListPage<OutboxEvent>?> ListAsync(MerchantScope scope, EventTypeFilter filter, ListRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = filter.Apply(Visible(db, scope)).CreatedWithin(request, e => e.CreatedAt);
        var take = request.Limit + 1;
        if (request.Cursor is not { } eventId)
            return ListPage<OutboxEvent>.From(await events.OrderByDescending(e => e.Sequence).Take(take).ToListAsync(cancellationToken), request);

        if (await SequenceOfAsync(db, scope, eventId, cancellationToken) is not { } sequence)
            return null;
        var rows = request.StartingAfter is not null
            ? await events.Where(e => e.Sequence < sequence).OrderByDescending(e => e.Sequence).Take(take).ToListAsync(cancellationToken)
            : await events.Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).Take(take).ToListAsync(cancellationToken);
        return ListPage<OutboxEvent>.From(rows, request);
    }

    public async Task<List<OutboxEvent>> RecentAsync(MerchantScope scope, EventTypeFilter filter, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await filter.Apply(Visible(db, scope)).OrderByDescending(e => e.Sequence).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<OutboxEvent?> GetAsync(MerchantScope scope, string eventId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Visible(db, scope).SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
    }

    /// <summary>The scope's events after a sequence number, oldest first: what a stream sends next.</summary>
    public async Task<List<OutboxEvent>> AfterAsync(MerchantScope scope, long sequence, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Visible(db, scope).Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>The outbox's last sequence number: a stream opened now starts after it.</summary>
    public async Task<long> LatestSequenceAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<OutboxEvent>().MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
    }

    /// <summary>The sequence number of one of the scope's events; null for an id of another scope or none.</summary>
    public async Task<long?> SequenceOfAsync(MerchantScope scope, string eventId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await SequenceOfAsync(db, scope, eventId, cancellationToken);
    }

    private static Task<long?> SequenceOfAsync(FluxDbContext db, MerchantScope scope, string eventId, CancellationToken cancellationToken) =>
        Visible(db, scope).Where(e => e.Id == eventId).Select(e => (long?)e.Sequence).SingleOrDefaultAsync(cancellationToken);

    private static IQueryable<OutboxEvent> Visible(FluxDbContext db, MerchantScope scope) =>
        db.Set<OutboxEvent>().AsNoTracking().Where(e => e.MerchantId == scope.MerchantId && e.Livemode == scope.Livemode);
}
