using System.Globalization;
using System.Text.Json;

namespace Flux.Dashboard.Api;

/// <summary>
/// An API error as the product docs show it: <c>{"error":{"code","message","docs_url","param","request_id"}}</c>, each code
/// with its HTTP status (<c>invalid_request</c> is 400, or 405 for a method the path does not take and 415 for a body
/// that is not JSON; see <see cref="Docs.ApiErrorCatalog"/>). It is an <see cref="IResult"/>, so an endpoint returns it
/// like any typed result.
/// </summary>
public sealed record ApiError(int StatusCode, string Code, string Message, string? Param = null) : IResult
{
    public const string AuthenticationErrorCode = "authentication_error";
    public const string InvalidRequestCode = "invalid_request";
    public const string ResourceNotFoundCode = "resource_not_found";
    public const string IdempotencyErrorCode = "idempotency_error";
    public const string RateLimitExceededCode = "rate_limit_exceeded";
    public const string ApiErrorCode = "api_error";

    public static ApiError InvalidRequest(string message, string? param = null) =>
        new(StatusCodes.Status400BadRequest, InvalidRequestCode, message, param);

    public static ApiError Authentication(string message) =>
        new(StatusCodes.Status401Unauthorized, AuthenticationErrorCode, message);

    public static ApiError NotFound(string message, string? param = null) =>
        new(StatusCodes.Status404NotFound, ResourceNotFoundCode, message, param);

    /// <summary>A 405 naming, in <c>Allow</c>, the methods the path takes.</summary>
    public static ApiError MethodNotAllowed(string method, string path, IReadOnlyList<string> allowed) =>
        new(StatusCodes.Status405MethodNotAllowed, InvalidRequestCode,
            $"{path} does not take {method} requests; it takes {string.Join(" and ", allowed)}.") { Allow = allowed };

    /// <summary>A 415 for a request body that is not JSON, or not in UTF-8.</summary>
    public static ApiError UnsupportedMediaType(string message) =>
        new(StatusCodes.Status415UnsupportedMediaType, InvalidRequestCode, message);

    /// <summary>A 409: another request with the same <c>Idempotency-Key</c> is still running.</summary>
    public static ApiError IdempotencyConflict(string message) =>
        new(StatusCodes.Status409Conflict, IdempotencyErrorCode, message);

    /// <summary>A 429 telling the client, in <c>Retry-After</c>, the whole seconds until it may try again.</summary>
    public static ApiError RateLimitExceeded(string message, TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, RateLimitExceededCode, message) { RetryAfter = retryAfter };

    public TimeSpan? RetryAfter { get; init; }

    public IReadOnlyList<string>? Allow { get; init; }

    public static ApiError Internal(string? message = null) =>
        new(StatusCodes.Status500InternalServerError, ApiErrorCode,
            message ?? "Something went wrong on Flux's side. Try again; if it keeps happening, contact support with the request id.");

    public async Task ExecuteAsync(HttpContext http)
    {
        var requestId = ApiRequestId.Of(http);
        var body = new ErrorEnvelope(new ErrorBody(Code, Message, DocsUrl(http), Param, requestId));
        http.Response.StatusCode = StatusCode;
        if (RetryAfter is { } wait)
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (Allow is { } methods)
            http.Response.Headers.Allow = string.Join(", ", methods);
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, body, ApiJson.Options, http.RequestAborted);
    }

    /// <summary>The errors page anchor for this code, on the configured docs site or this server.</summary>
    private string DocsUrl(HttpContext http)
    {
        var configured = http.RequestServices.GetService<ApiOptions>()?.DocsBaseUrl;
        var baseUrl = string.IsNullOrWhiteSpace(configured) ? ApiLinks.BaseUrl(http) : configured.TrimEnd('/');
        return $"{baseUrl}/docs/errors#{Code}";
    }

    private sealed record ErrorEnvelope(ErrorBody Error);

    private sealed record ErrorBody(string Code, string Message, string DocsUrl, string? Param, string RequestId);
}
