using System.Security.Claims;
using Flux.Dashboard.Api;
using Flux.Dashboard.Features.Accounts;

namespace Flux.Dashboard.Features.ApiKeys;

/// <summary>
/// Who is calling the API: the key's merchant and mode. An endpoint takes it as a parameter and passes
/// <see cref="Scope"/> to every service call, so the key alone decides whose data, and which mode, a request sees.
/// </summary>
public sealed record ApiCaller(string KeyId, ApiKeyKind Kind, MerchantScope Scope)
{
    private const string KeyIdClaim = ApiAuth.KeyIdClaim;
    private const string KindClaim = "flux:api_key_kind";
    private const string LivemodeClaim = ApiAuth.LivemodeClaim;

    public const string SecretKindValue = "secret";
    public const string PublishableKindValue = "publishable";

    /// <summary>The claim the secret-key policy checks.</summary>
    public static string KindClaimType => KindClaim;

    public static ClaimsPrincipal Principal(ApiKey key, string authenticationType) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, key.MerchantId),
            new Claim(KeyIdClaim, key.Id),
            new Claim(KindClaim, key.Kind == ApiKeyKind.Secret ? SecretKindValue : PublishableKindValue),
            new Claim(LivemodeClaim, key.Livemode ? "true" : "false"),
        ], authenticationType));

    public static ApiCaller? From(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } merchantId
        && user.FindFirstValue(KeyIdClaim) is { } keyId
        && user.FindFirstValue(KindClaim) is { } kind
        && user.FindFirstValue(LivemodeClaim) is { } livemode
            ? new ApiCaller(keyId, kind == SecretKindValue ? ApiKeyKind.Secret : ApiKeyKind.Publishable, new MerchantScope(merchantId, livemode == "true"))
            : null;

    /// <summary>The caller of a public endpoint: its publishable key, or null when it sent none.</summary>
    public static ApiCaller? Optional(HttpContext http) => From(http.User);

    /// <summary>Minimal-API binding; an endpoint reached without key authentication is a mistake in its mapping.</summary>
    public static ValueTask<ApiCaller?> BindAsync(HttpContext http) =>
        ValueTask.FromResult<ApiCaller?>(From(http.User)
            ?? throw new InvalidOperationException($"{http.Request.Path} takes an {nameof(ApiCaller)} but is not behind API key authentication."));
}
