using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Api;

/// <summary>
/// A page of a list, newest first, as Stripe pages: <c>limit</c> items after (<c>starting_after</c>) or before
/// (<c>ending_before</c>) the object with that id.
/// </summary>
public sealed record ListRequest(int Limit, string? StartingAfter = null, string? EndingBefore = null)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public static ListRequest First(int limit = DefaultLimit) => new(limit);

    /// <summary>The id the page is anchored on, if any.</summary>
    public string? Cursor => StartingAfter ?? EndingBefore;

    /// <summary>The query parameter that named <see cref="Cursor"/>, for an error about it.</summary>
    public string CursorParam => StartingAfter is not null ? "starting_after" : "ending_before";

    public static bool TryParse(IQueryCollection query, out ListRequest request, out ApiError? error)
    {
        request = First();
        error = null;
        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText)
            && !(int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit))
        {
            error = ApiError.InvalidRequest($"limit must be a whole number from 1 to {MaxLimit}.", "limit");
            return false;
        }
        var startingAfter = NonEmpty(query["starting_after"].ToString());
        var endingBefore = NonEmpty(query["ending_before"].ToString());
        if (startingAfter is not null && endingBefore is not null)
        {
            error = ApiError.InvalidRequest("Pass starting_after or ending_before, not both.", "ending_before");
            return false;
        }
        request = new(limit, startingAfter, endingBefore);
        return true;
    }

    private static string? NonEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>One page of a list: <c>{"object":"list","data":[…],"has_more":…}</c>.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Data, bool HasMore)
{
    [JsonPropertyOrder(-1)]
    public string Object => "list";

    public ListPage<TOut> Select<TOut>(Func<T, TOut> map) => new(Data.Select(map).ToList(), HasMore);

    /// <summary>
    /// Builds the page from up to limit + 1 rows read in the direction of travel: the extra row only says there is more.
    /// Rows read backwards (<c>ending_before</c>) are turned round, so a page is always newest first.
    /// </summary>
    public static ListPage<T> From(IReadOnlyList<T> rows, ListRequest request)
    {
        var page = rows.Take(request.Limit).ToList();
        if (request.EndingBefore is not null)
            page.Reverse();
        return new(page, rows.Count > request.Limit);
    }
}

/// <summary>The one way a list endpoint answers: parse the paging query, read a page, map it, or name the bad cursor.</summary>
public static class ApiListResponse
{
    /// <param name="noun">What the list holds, for the error about an unknown cursor ("order", "payment", …).</param>
    /// <param name="read">Reads a page; null when the cursor names no object of the caller's scope.</param>
    public static async Task<Results<Ok<ListPage<TOut>>, ApiError>> PageAsync<T, TOut>(
        HttpContext http, string noun, Func<ListRequest, Task<ListPage<T>?>> read, Func<T, TOut> map)
    {
        if (!ListRequest.TryParse(http.Request.Query, out var request, out var invalid))
            return invalid!;
        var page = await read(request);
        if (page is null)
            return ApiError.InvalidRequest($"No such {noun}: '{request.Cursor}'.", request.CursorParam);
        return TypedResults.Ok(page.Select(map));
    }
}
