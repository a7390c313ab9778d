using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Api;

/// <summary>A row listed newest first by its creation time, its public id breaking ties.</summary>
public interface IListedRow
{
    string Id { get; }
    DateTimeOffset CreatedAt { get; }
}

/// <summary>Keyset paging of <see cref="IListedRow"/> queries, the one way every list endpoint reads a page.</summary>
public static class ListPaging
{
    /// <summary>A page of the (already scoped) rows, newest first; null when the page is anchored on an id that is not among them.</summary>
    public static async Task<ListPage<T>?> ReadPageAsync<T>(this IQueryable<T> rows, ListRequest request, CancellationToken cancellationToken)
        where T : class, IListedRow
    {
        var take = request.Limit + 1;
        if (request.Cursor is not { } cursorId)
            return ListPage<T>.From(await rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken), request);

        var cursor = await rows.Where(r => r.Id == cursorId).Select(r => (DateTimeOffset?)r.CreatedAt).SingleOrDefaultAsync(cancellationToken);
        if (cursor is not { } at)
            return null;
        var page = request.StartingAfter is not null
            ? await rows.Where(r => r.CreatedAt < at || (r.CreatedAt == at && string.Compare(r.Id, cursorId) < 0))
                .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken)
            : await rows.Where(r => r.CreatedAt > at || (r.CreatedAt == at && string.Compare(r.Id, cursorId) > 0))
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(take).ToListAsync(cancellationToken);
        return ListPage<T>.From(page, request);
    }
}
