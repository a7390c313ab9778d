using Flux.Dashboard.Common;

namespace Flux.Dashboard.Api;

/// <summary>The one place a service's refusal becomes the API's error shape.</summary>
public static class ServiceResultErrors
{
    /// <summary>The field services call <c>wallet</c> (the dashboard's wallet picker); API bodies name it <c>merchant_wallet</c>.</summary>
    private const string ServiceWalletField = "wallet";

    /// <summary>
    /// A 400 <c>invalid_request</c> naming the first field at fault, a 404 <c>resource_not_found</c>, or Flux's own
    /// <c>api_error</c> when it could not do the work through no fault of the caller. An error of the whole request
    /// (an empty field) names no <c>param</c>.
    /// </summary>
    public static ApiError ToApiError<T>(this ServiceResult<T> result)
    {
        var error = result.Error ?? throw new InvalidOperationException("A successful result is not an error.");
        var param = error.Field switch
        {
            "" => null,
            ServiceWalletField => "merchant_wallet",
            var field => field,
        };
        return result.Failure switch
        {
            ServiceFailure.NotFound => ApiError.NotFound(error.Message, param),
            ServiceFailure.Unavailable => ApiError.Internal(error.Message),
            _ => ApiError.InvalidRequest(error.Message, param),
        };
    }
}
