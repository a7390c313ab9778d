using System.Linq.Expressions;
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
        rows = rows.CreatedWithin(request, r => r.CreatedAt);
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

    /// <summary>
    /// The rows created within the page's <c>created[gte]</c> and <c>created[lte]</c> (<paramref name="createdAt"/> names
    /// their creation time). The API writes times to the second, so <c>created[lte]</c> takes in its whole second: an
    /// object's own <c>created_at</c> as the upper bound includes it.
    /// </summary>
    public static IQueryable<T> CreatedWithin<T>(this IQueryable<T> rows, ListRequest request, Expression<Func<T, DateTimeOffset>> createdAt)
    {
        if (request.CreatedGte is { } from)
            rows = rows.Where(Test(createdAt, at => at >= from));
        if (request.CreatedLte?.AddSeconds(1) is { } before)
            rows = rows.Where(Test(createdAt, at => at < before));
        return rows;
    }

    /// <summary><paramref name="test"/> applied to each row's <paramref name="createdAt"/>, as one lambda a query provider can translate.</summary>
    private static Expression<Func<T, bool>> Test<T>(Expression<Func<T, DateTimeOffset>> createdAt, Expression<Func<DateTimeOffset, bool>> test) =>
        Expression.Lambda<Func<T, bool>>(new Substitution(test.Parameters[0], createdAt.Body).Visit(test.Body), createdAt.Parameters);

    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
