using Microsoft.AspNetCore.Diagnostics;

namespace Flux.Dashboard.Api;

/// <summary>Marks the endpoints that answer as the API: Request-Id header, JSON errors, no HTML error pages.</summary>
public sealed class ApiEndpointMetadata
{
    public static readonly ApiEndpointMetadata Instance = new();

    private ApiEndpointMetadata()
    {
    }
}

/// <summary>
/// Marks the endpoints of <c>/v1/public</c>, called from browser code: limited per client IP, whatever key they carry.
/// </summary>
public sealed class PublicApiEndpointMetadata
{
    public static readonly PublicApiEndpointMetadata Instance = new();

    private PublicApiEndpointMetadata()
    {
    }
}

/// <summary>
/// For API requests: gives each its <c>Request-Id</c>, switches off the dashboard's HTML status pages, answers a method an
/// API path outside <c>/v1</c> does not take (the seed's <c>GET /order/confirm</c>) with the API's 405, and turns any
/// exception into an error in the API's shape — 400 for a request the server could not read, 500 otherwise (logged).
/// </summary>
public sealed class ApiRequestMiddleware(RequestDelegate next, ApiRoutes routes, ILogger<ApiRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        // Routing found no route for the method (no endpoint, or its own 405 endpoint): on an API path that is ours to answer.
        var unrouted = http.GetEndpoint() is not RouteEndpoint && routes.MethodsOf(http.Request.Path).Count > 0;
        if (!unrouted && !IsApiRequest(http))
        {
            await next(http);
            return;
        }

        ApiRequestId.Of(http);
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            statusPages.Enabled = false;
        if (unrouted)
        {
            await routes.Refuse(http).ExecuteAsync(http);
            return;
        }

        try
        {
            await next(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            await AnswerAsync(http, ApiError.InvalidRequest(ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"The request body is larger than {ApiJson.MaxBodyBytes / 1024 / 1024} MB."
                : "The request could not be read."));
        }
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            logger.LogError(ex, "Unhandled error in API request {RequestId} {Method} {Path}",
                ApiRequestId.Of(http), http.Request.Method, http.Request.Path.Value);
            await AnswerAsync(http, ApiError.Internal());
        }
    }

    public static bool IsApiRequest(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<ApiEndpointMetadata>() is not null
        || http.Request.Path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase);

    private static async Task AnswerAsync(HttpContext http, ApiError error)
    {
        http.Response.Clear();
        ApiRequestId.Stamp(http);
        await error.ExecuteAsync(http);
    }
}
