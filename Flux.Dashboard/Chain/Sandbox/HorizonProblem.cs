namespace Flux.Dashboard.Chain.Sandbox;

/// <summary>Horizon's error bodies (RFC 7807 problem JSON with Horizon's type URLs).</summary>
internal static class HorizonProblem
{
    public static IResult NotFound() => Results.Json(new
    {
        type = "https://stellar.org/horizon-errors/not_found",
        title = "Resource Missing",
        status = 404,
        detail = "The resource at the url requested was not found.  This usually occurs for one of two reasons:  The url requested is not valid, or no data in our database could be found with the parameters provided.",
    }, statusCode: 404, contentType: "application/problem+json; charset=utf-8");

    public static IResult BadRequest(string field, string reason) => Results.Json(new
    {
        type = "https://stellar.org/horizon-errors/bad_request",
        title = "Bad Request",
        status = 400,
        detail = "The request you sent was invalid in some way.",
        extras = new { invalid_field = field, reason },
    }, statusCode: 400, contentType: "application/problem+json; charset=utf-8");
}
