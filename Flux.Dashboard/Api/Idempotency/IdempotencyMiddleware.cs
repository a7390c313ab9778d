using System.Collections.Concurrent;
using System.Globalization;

namespace Flux.Dashboard.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the API's POSTs, by Stripe's rules: the same key with the same request within 24 hours
/// replays the first response (status and body, with <c>Idempotent-Replayed: true</c>); with another request it is a
/// 400; while the first request still runs, a 409 <c>idempotency_error</c>. Only successful responses are kept, and each is committed with the
/// work it describes (<see cref="IdempotencyKeyFeature"/>): a request refused by validation, or failing on Flux's side,
/// or cut off by a crash before its work committed, leaves the key free for a retry. Runs after authorization, so keys
/// belong to the caller's merchant and mode.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store, TimeProvider clock, ILogger<IdempotencyMiddleware> logger)
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

    // The keys this server is running a request for. Two servers may each run one: the record's primary key lets only
    // one of their transactions commit, and the other request replays its answer.
    private readonly ConcurrentDictionary<(string MerchantId, bool Livemode, string Key), byte> running = new();

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

        if (await store.FindAsync(caller, key, http.RequestAborted) is { } kept)
        {
            await AnswerFromAsync(http, kept, request, key);
            return;
        }
        var slot = (caller.MerchantId, caller.Livemode, key);
        if (!running.TryAdd(slot, 0))
        {
            await ApiError.IdempotencyConflict(string.Format(CultureInfo.InvariantCulture, InProgressMessage, key)).ExecuteAsync(http);
            return;
        }
        try
        {
            await RunAsync(http, caller, key, request);
        }
        finally
        {
            running.TryRemove(slot, out _);
        }
    }

    private async Task RunAsync(HttpContext http, ApiKeyIdentity caller, string key, IdempotentRequest request)
    {
        var feature = new IdempotencyKeyFeature(caller, key, request, clock.GetUtcNow());
        http.Features.Set(feature);
        try
        {
            await next(http);
        }
        catch (Exception) when (!http.Response.HasStarted)
        {
            // Another server may have committed this key first: then our transaction, work and all, lost to its record.
            if (await store.FindAsync(caller, key, CancellationToken.None) is not { } first)
                throw;
            await AnswerFromAsync(http, first, request, key);
            return;
        }
        if (http.Response.StatusCode < StatusCodes.Status400BadRequest && feature.Record is null)
        {
            logger.LogError("{Method} {Path} answered {Status} without keeping its response with its work: a retry with Idempotency-Key would run it again",
                http.Request.Method, http.Request.Path, http.Response.StatusCode);
        }
    }

    private static Task AnswerFromAsync(HttpContext http, IdempotencyRecord record, IdempotentRequest request, string key) =>
        record.Matches(request)
            ? ReplayAsync(http, record)
            : ApiError.InvalidRequest(string.Format(CultureInfo.InvariantCulture, MismatchMessage, key)).ExecuteAsync(http);

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord record)
    {
        var response = http.Response;
        response.StatusCode = record.ResponseStatus;
        if (record.ResponseContentType is { } contentType)
            response.ContentType = contentType;
        if (record.ResponseLocation is { } location)
            response.Headers.Location = location;
        response.Headers[ReplayedHeader] = "true";
        response.ContentLength = record.ResponseBody.Length;
        await response.Body.WriteAsync(record.ResponseBody, http.RequestAborted);
    }
}
