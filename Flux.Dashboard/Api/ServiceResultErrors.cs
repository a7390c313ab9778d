using Flux.Dashboard.Common;

namespace Flux.Dashboard.Api;

/// <summary>The one place a service's refusal becomes the API's error shape.</summary>
public static class ServiceResultErrors
{
    /// <summary>
    /// A 400 <c>invalid_request</c> naming the first field at fault, a 404 <c>resource_not_found</c>, or Flux's own
    /// <c>api_error</c> when it could not do the work through no fault of the caller.
    /// </summary>
    public static ApiError ToApiError<T>(this ServiceResult<T> result)
    {
        var error = result.Error ?? throw new InvalidOperationException("A successful result is not an error.");
        var param = error.Field.Length > 0 ? error.Field : null;
        return result.Failure switch
        {
            ServiceFailure.NotFound => ApiError.NotFound(error.Message, param),
            ServiceFailure.Unavailable => ApiError.Internal(error.Message),
            _ => ApiError.InvalidRequest(error.Message, param),
        };
    }
}
