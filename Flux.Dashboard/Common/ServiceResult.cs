namespace Flux.Dashboard.Common;

/// <summary>Why a service call has no value.</summary>
public enum ServiceFailure
{
    /// <summary>It has one.</summary>
    None,

    /// <summary>The caller's input is wrong: <see cref="ServiceResult{T}.Errors"/> names the fields (the API's 400).</summary>
    Invalid,

    /// <summary>What the call names is not the caller's, in this mode, or does not exist (the API's 404).</summary>
    NotFound,

    /// <summary>Flux could not do it through no fault of the caller, e.g. Horizon did not answer (the API's <c>api_error</c>).</summary>
    Unavailable,
}

/// <summary>
/// What a service call came to: its <see cref="Value"/>, or why there is none (<see cref="Failure"/>) with the errors in
/// words for the person who asked, each under the field it concerns (the API's <c>param</c>; empty for the whole request).
/// Pages show <see cref="ErrorFor"/> beside each field; the API maps a failure to its error shape once, in
/// <c>Api.ServiceResultErrors</c>.
/// </summary>
public sealed record ServiceResult<T>
{
    public T? Value { get; private init; }

    public ServiceFailure Failure { get; private init; }

    public IReadOnlyList<FieldError> Errors { get; private init; } = [];

    public bool Succeeded => Failure is ServiceFailure.None;

    /// <summary>The first error, the one the API reports; null when the call succeeded.</summary>
    public FieldError? Error => Errors.Count > 0 ? Errors[0] : null;

    /// <summary>The message for one field, or null when that field is fine.</summary>
    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public static ServiceResult<T> Ok(T value) => new() { Value = value };

    public static ServiceResult<T> Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static ServiceResult<T> Invalid(IReadOnlyList<FieldError> errors) =>
        errors.Count > 0
            ? new() { Failure = ServiceFailure.Invalid, Errors = errors }
            : throw new ArgumentException("An invalid result names at least one error.", nameof(errors));

    public static ServiceResult<T> NotFound(string field, string message) =>
        new() { Failure = ServiceFailure.NotFound, Errors = [new FieldError(field, message)] };

    public static ServiceResult<T> Unavailable(string message) =>
        new() { Failure = ServiceFailure.Unavailable, Errors = [new FieldError("", message)] };

    /// <summary>The same failure for a call of another type, e.g. when one service passes on another's refusal.</summary>
    public ServiceResult<TOther> As<TOther>() =>
        Succeeded
            ? throw new InvalidOperationException("A successful result has a value, not a failure to pass on.")
            : new() { Failure = Failure, Errors = Errors };
}
