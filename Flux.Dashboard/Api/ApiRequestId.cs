using Flux.Dashboard.Data;

namespace Flux.Dashboard.Api;

/// <summary>The <c>Request-Id</c> (<c>req_…</c>) every API response carries; errors repeat it so support can find the log.</summary>
public static class ApiRequestId
{
    public const string Header = "Request-Id";
    private static readonly object ItemKey = new();

    /// <summary>The request's id, assigned (and sent as a header) the first time it is asked for.</summary>
    public static string Of(HttpContext http)
    {
        if (http.Items[ItemKey] is string id)
            return id;
        id = PublicId.New("req", 14);
        http.Items[ItemKey] = id;
        // The logs of this request carry the same id.
        http.TraceIdentifier = id;
        Stamp(http);
        return id;
    }

    /// <summary>Writes the header again, e.g. after the response was cleared for an error.</summary>
    public static void Stamp(HttpContext http)
    {
        if (!http.Response.HasStarted && http.Items[ItemKey] is string id)
            http.Response.Headers[Header] = id;
    }
}
