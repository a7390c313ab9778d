using Microsoft.AspNetCore.Routing.Template;

namespace Flux.Dashboard.Api;

/// <summary>
/// The API's routes as the app maps them, to answer a request none of them takes: a path the API has, asked with another
/// method, is a 405 naming in <c>Allow</c> the methods it takes; any other is a 404.
/// </summary>
public sealed class ApiRoutes(EndpointDataSource endpoints)
{
    private readonly Lazy<IReadOnlyList<(TemplateMatcher Path, IReadOnlyList<string> Methods)>> routes = new(() => endpoints.Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<ApiEndpointMetadata>() is not null)
        .Select(e => (e.RoutePattern, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
        // The /v1 fallback takes any method; it is what answers here, not a route.
        .Where(e => e.Methods.Count > 0)
        .GroupBy(e => e.RoutePattern.RawText)
        .Select(g => (new TemplateMatcher(new RouteTemplate(g.First().RoutePattern), new RouteValueDictionary()),
            (IReadOnlyList<string>)g.SelectMany(e => e.Methods).Distinct().ToList()))
        .ToList());

    /// <summary>The methods the API takes on this path, in a stable order; empty when the API has no such path.</summary>
    public IReadOnlyList<string> MethodsOf(PathString path) => routes.Value
        .Where(route => route.Path.TryMatch(path, new RouteValueDictionary()))
        .SelectMany(route => route.Methods)
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The answer to a request no API endpoint takes.</summary>
    public ApiError Refuse(HttpContext http)
    {
        var request = http.Request;
        return MethodsOf(request.Path) is { Count: > 0 } allowed
            ? ApiError.MethodNotAllowed(request.Method, request.Path, allowed)
            : ApiError.NotFound($"Unrecognized request URL ({request.Method}: {request.Path}). See the API reference for the endpoints Flux offers.");
    }
}
