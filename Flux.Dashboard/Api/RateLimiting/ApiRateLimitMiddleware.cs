using System.Net;
using Microsoft.AspNetCore.Authentication;

namespace Flux.Dashboard.Api.RateLimiting;

/// <summary>
/// The API's rate limit (<see cref="IApiRateLimits"/>): per API key, its allowance set by the key's mode; per client IP
/// for requests without a valid key and for every request to <c>/v1/public</c> (browser code, whose publishable key
/// anyone can copy). Runs between authentication and authorization: outside <c>/v1/public</c> the key is authenticated
/// here (authorization then reuses the result), so a request is counted against its key — or, without a valid key,
/// against its IP before it is turned away with a 401. A rejected request is a 429 <c>rate_limit_exceeded</c> with
/// <c>Retry-After</c>.
/// </summary>
public sealed class ApiRateLimitMiddleware(RequestDelegate next, IApiRateLimits limits)
{
    public const string Message =
        "Too many requests hit the API too quickly. Slow down, and retry after the number of seconds in the Retry-After header.";

    public async Task InvokeAsync(HttpContext http)
    {
        var metadata = http.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<ApiEndpointMetadata>() is null)
        {
            await next(http);
            return;
        }

        var isPublic = metadata.GetMetadata<PublicApiEndpointMetadata>() is not null;
        var answer = !isPublic && await KeyOfAsync(http) is { } key
            ? await limits.AcquireForKeyAsync(key.KeyId, key.Livemode, http.RequestAborted)
            : await limits.AcquireForAddressAsync(http.Connection.RemoteIpAddress ?? IPAddress.None, http.RequestAborted);
        if (answer.Allowed)
            await next(http);
        else
            await ApiError.RateLimitExceeded(Message, answer.RetryAfter).ExecuteAsync(http);
    }

    private static async Task<ApiKeyIdentity?> KeyOfAsync(HttpContext http) =>
        await http.AuthenticateAsync(ApiAuth.Scheme) is { Succeeded: true } result ? ApiKeyIdentity.From(result.Principal) : null;
}
