using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Api;

/// <summary>
/// A page of a list, newest first, as Stripe pages: <c>limit</c> items after (<c>starting_after</c>) or before
/// (<c>ending_before</c>) the object with that id, of the objects created within <c>created[gte]</c> and
/// <c>created[lte]</c> when given.
/// </summary>
public sealed record ListRequest(int Limit, string? StartingAfter = null, string? EndingBefore = null)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public static readonly ApiQueryParameter LimitParameter = new("limit",
        $"How many objects to return, 1 to {MaxLimit} (default {DefaultLimit}).", ApiQueryType.Integer)
    {
        Minimum = 1,
        Maximum = MaxLimit,
        Default = DefaultLimit,
    };

    private static readonly ApiQueryParameter StartingAfterParameter = new("starting_after",
        "An object id: return the page after it (older objects). Not with ending_before.");

    private static readonly ApiQueryParameter EndingBeforeParameter = new("ending_before",
        "An object id: return the page before it (newer objects). Not with starting_after.");

    private static readonly ApiQueryParameter CreatedGteParameter = new("created[gte]",
        "Only objects created at or after this time (ISO-8601, such as 2025-05-27T22:45:13Z).", ApiQueryType.Time);

    private static readonly ApiQueryParameter CreatedLteParameter = new("created[lte]",
        "Only objects created at or before this second (ISO-8601, such as 2025-05-27T23:59:59Z).", ApiQueryType.Time);

    /// <summary>The query parameters every list endpoint takes.</summary>
    public static readonly IReadOnlyList<ApiQueryParameter> Parameters =
        [LimitParameter, StartingAfterParameter, EndingBeforeParameter, CreatedGteParameter, CreatedLteParameter];

    /// <summary>Only objects created at or after this time.</summary>
    public DateTimeOffset? CreatedGte { get; init; }

    /// <summary>Only objects created at or before this time.</summary>
    public DateTimeOffset? CreatedLte { get; init; }

    public static ListRequest First(int limit = DefaultLimit) => new(limit);

    /// <summary>The id the page is anchored on, if any.</summary>
    public string? Cursor => StartingAfter ?? EndingBefore;

    /// <summary>The query parameter that named <see cref="Cursor"/>, for an error about it.</summary>
    public string CursorParam => StartingAfter is not null ? StartingAfterParameter.Name : EndingBeforeParameter.Name;

    public static bool TryParse(IQueryCollection query, out ListRequest request, out ApiError? error)
    {
        request = First();
        error = null;
        var limit = DefaultLimit;
        if (query.TryGetValue(LimitParameter.Name, out var limitText)
            && !(int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit))
        {
            error = ApiError.InvalidRequest($"limit must be a whole number from 1 to {MaxLimit}.", LimitParameter.Name);
            return false;
        }
        var startingAfter = NonEmpty(query[StartingAfterParameter.Name].ToString());
        var endingBefore = NonEmpty(query[EndingBeforeParameter.Name].ToString());
        if (startingAfter is not null && endingBefore is not null)
        {
            error = ApiError.InvalidRequest("Pass starting_after or ending_before, not both.", EndingBeforeParameter.Name);
            return false;
        }
        if (!CreatedGteParameter.TryReadTime(query, out var createdGte, out error) || !CreatedLteParameter.TryReadTime(query, out var createdLte, out error))
            return false;
        if (createdGte > createdLte)
        {
            error = ApiError.InvalidRequest("created[gte] is after created[lte]: no object could be in between.", CreatedGteParameter.Name);
            return false;
        }
        request = new(limit, startingAfter, endingBefore) { CreatedGte = createdGte, CreatedLte = createdLte };
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
            return NoSuch(noun, request.Cursor!, request.CursorParam!);
        return TypedResults.Ok(page.Select(map));
    }

    /// <summary>
    /// A cursor or filter naming an object the key cannot see (none, another merchant's, the other mode's) is refused as
    /// Stripe refuses it, not answered with an empty list that a typo would make look right.
    /// </summary>
    public static ApiError NoSuch(string noun, string id, string param) => ApiError.InvalidRequest($"No such {noun}: '{id}'.", param);
}
