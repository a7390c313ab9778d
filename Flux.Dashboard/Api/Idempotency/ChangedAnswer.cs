using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Api.Idempotency;

/// <summary>
/// The 200 an endpoint answers once a service has committed a change (an update, a cancel), defined once from the changed
/// row, as <see cref="CreatedAnswer{TWritten, TResource}"/> is for a creation: <see cref="KeepWith"/> commits the answer
/// with the change under the request's <c>Idempotency-Key</c>; <see cref="For"/> sends it, or the service's refusal.
/// </summary>
public sealed class ChangedAnswer<TWritten, TResource>(HttpContext http, Func<TWritten, TResource> resource)
{
    public IReadOnlyList<object> KeepWith(TWritten written) => http.KeepResponse(StatusCodes.Status200OK, resource(written));

    public Results<Ok<TResource>, ApiError> For(ServiceResult<TWritten> result) =>
        result.Succeeded ? TypedResults.Ok(resource(result.Value!)) : result.ToApiError();
}
