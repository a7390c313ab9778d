using System.Buffers;
using System.Security.Cryptography;

namespace Flux.Dashboard.Api.Idempotency;

/// <summary>What makes two requests "the same" for an idempotency key: method, path and SHA-256 of the raw body.</summary>
public sealed record IdempotentRequest(string Method, string Path, byte[] BodyHash)
{
    /// <summary>
    /// Hashes the body and rewinds it for the endpoint to read. Null for a body over the API's limit: that request is
    /// refused as a 400 by the endpoint, and never stored.
    /// </summary>
    public static async Task<IdempotentRequest?> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (request.ContentLength > ApiJson.MaxBodyBytes)
            return null;
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > ApiJson.MaxBodyBytes)
                    break;
                hash.AppendData(buffer, 0, read);
            }
            request.Body.Position = 0;
            return total > ApiJson.MaxBodyBytes
                ? null
                : new IdempotentRequest(request.Method, $"{request.PathBase}{request.Path}{request.QueryString}", hash.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
