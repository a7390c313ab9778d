namespace Flux.Dashboard.Api.Docs;

/// <summary>One error code as the errors page and the OpenAPI document explain it.</summary>
public sealed record ApiErrorDoc(
    string Code,
    int Status,
    string StatusText,
    string Summary,
    IReadOnlyList<string> Causes,
    IReadOnlyList<string> WhatToDo,
    string ExampleMessage,
    string? ExampleParam = null)
{
    /// <summary>Statuses other than <see cref="Status"/> this code comes with, and when.</summary>
    public IReadOnlyList<ApiErrorStatus> OtherStatuses { get; init; } = [];

    /// <summary>This code's documentation as it answers with <paramref name="status"/>.</summary>
    public ApiErrorDoc WithStatus(int status) => OtherStatuses.SingleOrDefault(s => s.Status == status) is { } other
        ? this with { Status = other.Status, StatusText = other.StatusText, Summary = other.When, ExampleMessage = other.ExampleMessage, ExampleParam = null, OtherStatuses = [] }
        : this;
}

/// <summary>Another status an error code comes with: when, and an example of its message.</summary>
public sealed record ApiErrorStatus(int Status, string StatusText, string When, string ExampleMessage);

/// <summary>
/// The six error codes of <see cref="ApiError"/>, with their causes and what to do about them. The errors page renders
/// one section per entry, anchored by <see cref="ApiErrorDoc.Code"/> — the fragment of every <c>docs_url</c>.
/// </summary>
public static class ApiErrorCatalog
{
    public static readonly IReadOnlyList<ApiErrorDoc> All =
    [
        new(ApiError.AuthenticationErrorCode, StatusCodes.Status401Unauthorized, "Unauthorized",
            "Failed to authenticate with the API.",
            [
                "No Authorization header, or one that is not \"Bearer <key>\".",
                "The key is unknown, revoked, or rolled and past its grace period.",
                "A publishable key (pk_…) was sent to an endpoint that needs a secret key (sk_…).",
            ],
            [
                "Send Authorization: Bearer sk_test_… (sandbox) or sk_live_… (production).",
                "Check the key on the Developers page of the dashboard; roll it if it may have leaked.",
                "Keep secret keys on your server; never ship them in client-side code.",
            ],
            "The provided API key is invalid"),
        new(ApiError.InvalidRequestCode, StatusCodes.Status400BadRequest, "Bad Request",
            "The request parameters were invalid.",
            [
                "A required field is missing or has the wrong type (param names it).",
                "The body is not valid JSON, not a JSON object, or larger than 1 MB.",
                "A value breaks a rule: an amount with more than 7 decimal places, a currency other than PI, a wallet address that is not a valid Pi address.",
                "A body field or query parameter the endpoint does not take (param names it): Flux never ignores one, so a misspelt merchant_walet cannot quietly pay the default wallet.",
                "An Idempotency-Key was reused with a different body.",
                "405: the path does not take the request's method (the Allow header lists those it takes).",
                "415: a body without Content-Type: application/json, or in a charset other than UTF-8.",
            ],
            [
                "Read message and param: they name the field and what was expected.",
                "Fix the request before retrying; sending it again unchanged gives the same answer.",
            ],
            "Enter the amount in Pi.", "amount")
        {
            OtherStatuses =
            [
                new(StatusCodes.Status405MethodNotAllowed, "Method Not Allowed",
                    "The path does not take this method; the Allow header lists those it takes.",
                    "/v1/orders does not take PUT requests; it takes GET and POST."),
                new(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type",
                    "The request has a body that is not JSON in UTF-8.",
                    "Send the body as JSON with Content-Type: application/json."),
            ],
        },
        new(ApiError.ResourceNotFoundCode, StatusCodes.Status404NotFound, "Not Found",
            "The requested resource does not exist.",
            [
                "The id is mistyped, or belongs to another merchant.",
                "The object was created in the other mode: test keys see only test objects, live keys only live ones.",
                "The URL is not an endpoint of the API.",
            ],
            [
                "Check the id and that the key's mode (sk_test_ or sk_live_) matches the object's livemode.",
                "See the API reference for the endpoints Flux offers.",
            ],
            "No such order: 'ord_8f7sd6f876dsf'."),
        new(ApiError.IdempotencyErrorCode, StatusCodes.Status409Conflict, "Conflict",
            "Another request with the same Idempotency-Key is still running.",
            [
                "A POST was sent again with its Idempotency-Key while the first one was still being handled (a retry after a timeout, a double click).",
            ],
            [
                "Wait a moment and retry with the same key and body: once the first request has finished, its answer is replayed.",
                "Use a new key only for a new request.",
            ],
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Idempotency.IdempotencyMiddleware.InProgressMessage, "5b0f5a8e-7c1d-4e2b-9f3a-2d6c8e1b4a70")),
        new(ApiError.RateLimitExceededCode, StatusCodes.Status429TooManyRequests, "Too Many Requests",
            "Too many requests hit the API too quickly.",
            [
                "More than 100 requests per second with a live key, or 25 per second with a test key.",
                "Too many requests to the public endpoints from one IP address.",
            ],
            [
                "Wait for the number of seconds in the Retry-After header, then retry.",
                "Back off exponentially with jitter, and spread bulk work over time.",
            ],
            "Too many requests hit the API too quickly. Retry after the time in the Retry-After header."),
        new(ApiError.ApiErrorCode, StatusCodes.Status500InternalServerError, "Internal Server Error",
            "An error occurred on Flux's server.",
            [
                "Something unexpected went wrong while Flux handled the request.",
            ],
            [
                "Retry with the same Idempotency-Key: a POST that did run is not run twice.",
                "If it keeps happening, contact support with the request_id.",
            ],
            "Something went wrong on Flux's side. Try again; if it keeps happening, contact support with the request id."),
    ];

    /// <summary>The code an answer with this status carries, documented for that status.</summary>
    public static ApiErrorDoc For(int status) =>
        All.Single(e => e.Status == status || e.OtherStatuses.Any(s => s.Status == status)).WithStatus(status);
}
