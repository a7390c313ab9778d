using System.Security.Claims;

namespace Flux.Dashboard.Api;

/// <summary>
/// The API key behind a request, as the shared API machinery (rate limits, idempotency) sees it: which key, whose, which
/// mode. Read from the claims of the <see cref="ApiAuth.Scheme"/> principal, so this folder needs no key store.
/// </summary>
public sealed record ApiKeyIdentity(string KeyId, string MerchantId, bool Livemode)
{
    /// <summary>The key of an API-key principal; null for anyone else (including a dashboard sign-in cookie).</summary>
    public static ApiKeyIdentity? From(ClaimsPrincipal? user) =>
        user?.FindFirstValue(ApiAuth.KeyIdClaim) is { } keyId
        && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } merchantId
        && user.FindFirstValue(ApiAuth.LivemodeClaim) is { } livemode
            ? new ApiKeyIdentity(keyId, merchantId, livemode == "true")
            : null;
}
