using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Api.Idempotency;

/// <summary>
/// The 201 an endpoint answers once a service has committed what it created, defined once from the created row:
/// <see cref="KeepWith"/> (a <see cref="Data.RowsAlongside{T}"/> for the service) commits the answer with the work under
/// the request's <c>Idempotency-Key</c>; <see cref="For"/> is the same answer, sent.
/// </summary>
public sealed class CreatedAnswer<TWritten, TResource>(HttpContext http, Func<TWritten, string?> location, Func<TWritten, TResource> resource)
{
    public IReadOnlyList<object> KeepWith(TWritten written) =>
        http.KeepResponse(StatusCodes.Status201Created, resource(written), location(written));

    public Created<TResource> For(TWritten written) => TypedResults.Created(location(written), resource(written));
}
