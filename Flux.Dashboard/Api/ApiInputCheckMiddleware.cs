using System.Reflection;
using Flux.Dashboard.Api.Docs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Flux.Dashboard.Api;

/// <summary>
/// The one check of the inputs an endpoint does not read itself, as Stripe makes it: every query parameter must be one
/// the endpoint takes — declared (<see cref="ApiQueryParameter"/>) or bound by its handler (the events' <c>type</c>) —
/// and given once; and an endpoint that reads no body refuses a body with fields (or one that is not JSON), through the
/// same <see cref="ApiJson"/> rules as every body. A misspelt parameter is a 400 naming it, never a silently wider answer.
/// </summary>
public sealed class ApiInputCheckMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var metadata = http.GetEndpoint()?.Metadata;
        // Outside the API, and the /v1 fallback, which takes any method and answers 404 or 405 whatever was sent.
        if (metadata?.GetMetadata<ApiEndpointMetadata>() is null || metadata.GetMetadata<IHttpMethodMetadata>() is null)
        {
            await next(http);
            return;
        }

        if (UnknownParameter(http) is { } refused)
        {
            await refused.ExecuteAsync(http);
            return;
        }
        if (metadata.GetMetadata<ApiRequestBodyMetadata>() is null
            && http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true
            && (await ApiJson.ReadAsync<NoBody>(http, http.RequestAborted)).Error is { } invalid)
        {
            await invalid.ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    private static ApiError? UnknownParameter(HttpContext http)
    {
        var query = http.Request.Query;
        if (query.Count == 0)
            return null;
        var taken = Taken((RouteEndpoint)http.GetEndpoint()!);
        foreach (var (name, values) in query)
        {
            if (!taken.Contains(name))
            {
                var takes = taken.Count == 0 ? "It takes no query parameters." : $"It takes {string.Join(", ", taken)}.";
                return ApiError.InvalidRequest($"Received unknown parameter: {name}. {takes}", name);
            }
            if (values.Count > 1)
                return ApiError.InvalidRequest($"{name} is given {values.Count} times: give it once.", name);
        }
        return null;
    }

    /// <summary>The query parameters the endpoint declares, and those its handler binds from the query.</summary>
    private static List<string> Taken(RouteEndpoint endpoint) =>
        endpoint.Metadata.OfType<ApiQueryParameter>().Select(p => p.Name)
            .Concat(endpoint.Metadata.OfType<IParameterBindingMetadata>().Select(p => FromQuery(p, endpoint)).OfType<string>())
            .Distinct()
            .ToList();

    /// <summary>
    /// The query name of a handler parameter that minimal APIs bind from the query: named by <c>[FromQuery]</c>, or a
    /// string or parsable value with no other source and no route value of its name.
    /// </summary>
    private static string? FromQuery(IParameterBindingMetadata parameter, RouteEndpoint endpoint)
    {
        var attributes = parameter.ParameterInfo.GetCustomAttributes(inherit: true);
        if (attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } fromQuery)
            return fromQuery.Name ?? parameter.Name;
        var elsewhere = attributes.Any(a => a is IFromRouteMetadata or IFromHeaderMetadata or IFromBodyMetadata or IFromFormMetadata
            or IFromServiceMetadata or AsParametersAttribute);
        var simple = parameter.HasTryParse || parameter.ParameterInfo.ParameterType == typeof(string);
        return !elsewhere && simple && endpoint.RoutePattern.GetParameter(parameter.Name) is null ? parameter.Name : null;
    }

    /// <summary>What an endpoint that reads no body accepts: nothing, or an empty JSON object.</summary>
    private sealed record NoBody;
}
