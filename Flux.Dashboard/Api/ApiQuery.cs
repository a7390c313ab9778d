using System.Globalization;

namespace Flux.Dashboard.Api;

/// <summary>What a query parameter holds, for its schema in the OpenAPI document and for reading it.</summary>
public enum ApiQueryType
{
    String,
    Integer,
    Boolean,

    /// <summary>An ISO-8601 time to the second with its offset, as the API writes times: <c>2025-05-27T22:45:13Z</c>.</summary>
    Time,
}

/// <summary>
/// A query parameter an endpoint declares (<c>WithQueryParameters</c>, <c>WithListParameters</c>): the OpenAPI document
/// lists it, <see cref="ApiInputCheckMiddleware"/> refuses any parameter an endpoint neither declares nor binds, and the
/// endpoint reads it here, so its name is written once.
/// </summary>
public sealed record ApiQueryParameter(string Name, string Description, ApiQueryType Type = ApiQueryType.String)
{
    /// <summary>The values it may take, if only some.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    public int? Minimum { get; init; }
    public int? Maximum { get; init; }
    public int? Default { get; init; }

    // To the second, as the API writes times.
    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:sszzz"];

    /// <summary>The value sent, or null when the parameter is absent; a parameter sent empty, or not one of <see cref="Values"/>, is an error.</summary>
    public bool TryReadText(IQueryCollection query, out string? value, out ApiError? error)
    {
        value = null;
        error = null;
        if (!query.TryGetValue(Name, out var values))
            return true;
        var text = values.ToString();
        if (text.Length == 0 || (Values is { } allowed && !allowed.Contains(text, StringComparer.Ordinal)))
        {
            error = ApiError.InvalidRequest(Values is { } names
                ? $"{Name} must be one of {string.Join(", ", names)}."
                : $"{Name} is empty: leave it out, or give it a value.", Name);
            return false;
        }
        value = text;
        return true;
    }

    /// <summary><c>true</c> or <c>false</c>; null when absent.</summary>
    public bool TryReadBoolean(IQueryCollection query, out bool? value, out ApiError? error)
    {
        value = null;
        if (!TryReadText(query, out var text, out error) || text is null)
            return error is null;
        if (text is not ("true" or "false"))
        {
            error = ApiError.InvalidRequest($"{Name} must be true or false.", Name);
            return false;
        }
        value = text == "true";
        return true;
    }

    /// <summary>An ISO-8601 time to the second with its offset (<c>Z</c> or <c>+01:00</c>), in UTC; null when absent.</summary>
    public bool TryReadTime(IQueryCollection query, out DateTimeOffset? value, out ApiError? error)
    {
        value = null;
        if (!TryReadText(query, out var text, out error) || text is null)
            return error is null;
        if (!DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            error = ApiError.InvalidRequest(
                $"{Name} must be a time in ISO-8601 with its offset, such as 2025-05-27T22:45:13Z (a + in an offset is written %2B in a URL).", Name);
            return false;
        }
        value = time.ToUniversalTime();
        return true;
    }
}
