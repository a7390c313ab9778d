using System.Net;

namespace Flux.Dashboard.Chain.Horizon;

/// <summary>Horizon answered with an error (after retries) or with a body Flux cannot read.</summary>
public sealed class HorizonException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
