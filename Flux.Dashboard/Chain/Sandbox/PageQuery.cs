using System.Globalization;

namespace Flux.Dashboard.Chain.Sandbox;

/// <summary>Horizon's paging parameters (<c>cursor</c>, <c>order</c>, <c>limit</c>, <c>join</c>), validated as Horizon does.</summary>
internal sealed record PageQuery(string? Cursor, long? CursorId, bool CursorIsNow, string Order, int Limit, bool JoinTransactions)
{
    public const int MaxLimit = 200;

    public static (PageQuery? Query, string? InvalidField, string? Reason) Parse(IQueryCollection q, string? lastEventId)
    {
        var cursor = q["cursor"].FirstOrDefault() is { Length: > 0 } c ? c : lastEventId;
        long? cursorId = null;
        var isNow = cursor == "now";
        if (!string.IsNullOrEmpty(cursor) && !isNow)
        {
            if (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                return (null, "cursor", "Cursor must be a paging token (a positive integer) or \"now\".");
            cursorId = id;
        }

        var order = q["order"].FirstOrDefault() ?? "asc";
        if (order is not ("asc" or "desc"))
            return (null, "order", "Order must be \"asc\" or \"desc\".");

        var limit = 10;
        if (q["limit"].FirstOrDefault() is { Length: > 0 } l
            && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
            return (null, "limit", $"Limit must be an integer from 1 to {MaxLimit}.");

        var join = q["join"].FirstOrDefault();
        if (join is { Length: > 0 } && join != "transactions")
            return (null, "join", "The only accepted value is \"transactions\".");

        return (new PageQuery(cursor, cursorId, isNow, order, limit, join == "transactions"), null, null);
    }
}
