using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Api.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> of the request an endpoint serves (set by <see cref="IdempotencyMiddleware"/>). A successful
/// endpoint makes the record of its response here and commits it in the same transaction as the work the response
/// describes, so after any crash a retry either replays the committed answer or finds no trace and runs once.
/// </summary>
public sealed class IdempotencyKeyFeature(ApiKeyIdentity caller, string key, IdempotentRequest request, DateTimeOffset now)
{
    /// <summary>The record the endpoint made, to commit with its work; null until then.</summary>
    public IdempotencyRecord? Record { get; private set; }

    public IdempotencyRecord Keep(int status, string contentType, string? location, byte[] body) => Record = new IdempotencyRecord
    {
        MerchantId = caller.MerchantId,
        Livemode = caller.Livemode,
        Key = key,
        RequestMethod = request.Method,
        RequestPath = request.Path,
        RequestBodyHash = request.BodyHash,
        CreatedAt = now,
        ResponseStatus = status,
        ResponseContentType = contentType,
        ResponseLocation = location,
        ResponseBody = body,
    };
}

public static class IdempotentResponses
{
    /// <summary>
    /// The rows a successful endpoint commits with its work when it answers <paramref name="status"/> with the JSON
    /// <paramref name="body"/>: the record of that response under the request's <c>Idempotency-Key</c>, or none when the
    /// request came without one. The body is serialized as the endpoint's typed result serializes it, so a replay is
    /// byte for byte the first answer.
    /// </summary>
    public static IReadOnlyList<object> KeepResponse<T>(this HttpContext http, int status, T body, string? location = null)
    {
        if (http.Features.Get<IdempotencyKeyFeature>() is not { } key)
            return [];
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return [key.Keep(status, "application/json; charset=utf-8", location, JsonSerializer.SerializeToUtf8Bytes(body, options.GetTypeInfo(typeof(T))))];
    }
}
