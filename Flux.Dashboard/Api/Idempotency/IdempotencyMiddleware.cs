using System.Globalization;

namespace Flux.Dashboard.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the API's POSTs, by Stripe's rules: the same key with the same request within 24 hours
/// replays the first response (status and body, with <c>Idempotent-Replayed: true</c>); with another request it is a
/// 400; while the first request still runs, a 409. Only responses below 400 are kept: a request refused by validation
/// (or failing on Flux's side) leaves the key free for a corrected retry. Runs after authorization, so keys belong
/// to the caller's merchant and mode.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store, ILogger<IdempotencyMiddleware> logger)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    public const string MismatchMessage =
        "Keys for idempotent requests can only be used with the same parameters they were first used with. " +
        "Try using a key other than '{0}' if you meant to execute a different request.";

    public const string InProgressMessage =
        "There is currently another in-progress request using this Idempotency-Key (that probably means you submitted " +
        "twice, and the other request is still going through): '{0}'. Try again later.";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method)
            || http.GetEndpoint()?.Metadata.GetMetadata<ApiEndpointMetadata>() is null
            || !http.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(http);
            return;
        }

        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]) || values[0]!.Length > MaxKeyLength)
        {
            await ApiError.InvalidRequest(
                $"Invalid Idempotency-Key: send one key of 1 to {MaxKeyLength} characters, such as a V4 UUID.", Header).ExecuteAsync(http);
            return;
        }
        var key = values[0]!;

        // Endpoints without a key (the /v1 fallback, public calls without one) have no merchant to keep a key for.
        if (ApiKeyIdentity.From(http.User) is not { } caller
            || await IdempotentRequest.ReadAsync(http, http.RequestAborted) is not { } request)
        {
            await next(http);
            return;
        }

        var claim = await store.ClaimAsync(caller, key, request, http.RequestAborted);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Mismatch:
                await ApiError.InvalidRequest(string.Format(CultureInfo.InvariantCulture, MismatchMessage, key))
                    .ExecuteAsync(http);
                return;
            case IdempotencyOutcome.InProgress:
                await new ApiError(StatusCodes.Status409Conflict, ApiError.InvalidRequestCode,
                    string.Format(CultureInfo.InvariantCulture, InProgressMessage, key)).ExecuteAsync(http);
                return;
            case IdempotencyOutcome.Replay:
                await ReplayAsync(http, claim.Record);
                return;
            default:
                await RunAndKeepAsync(http, claim.Record);
                return;
        }
    }

    private async Task RunAndKeepAsync(HttpContext http, IdempotencyRecord claimed)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        var kept = false;
        http.Response.Body = buffer;
        try
        {
            await next(http);

            var status = http.Response.StatusCode;
            var body = buffer.ToArray();
            if (status < StatusCodes.Status400BadRequest)
            {
                // Kept before the client sees it, so a retry made the moment the response arrives replays it.
                await store.CompleteAsync(claimed, status, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                    body, CancellationToken.None);
                kept = true;
            }
            http.Response.Body = original;
            http.Response.ContentLength = body.Length;
            await original.WriteAsync(body, http.RequestAborted);
        }
        finally
        {
            http.Response.Body = original;
            if (!kept)
                await ReleaseAsync(claimed);
        }
    }

    private async Task ReleaseAsync(IdempotencyRecord claimed)
    {
        try
        {
            await store.ReleaseAsync(claimed, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The key stays "in progress" until the record counts as abandoned; the request's own outcome stands.
            logger.LogError(ex, "Could not free idempotency key of merchant {MerchantId} after an unkept response", claimed.MerchantId);
        }
    }

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord record)
    {
        var response = http.Response;
        response.StatusCode = record.ResponseStatus!.Value;
        if (record.ResponseContentType is { } contentType)
            response.ContentType = contentType;
        if (record.ResponseLocation is { } location)
            response.Headers.Location = location;
        response.Headers[ReplayedHeader] = "true";
        var body = record.ResponseBody ?? [];
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, http.RequestAborted);
    }
}
