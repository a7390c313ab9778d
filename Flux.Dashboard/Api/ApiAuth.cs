namespace Flux.Dashboard.Api;

/// <summary>
/// Names the API's endpoints require; the API-keys feature registers the scheme and the policy behind them, so this
/// folder needs to know nothing about keys.
/// </summary>
public static class ApiAuth
{
    /// <summary>The authentication scheme reading <c>Authorization: Bearer sk_…</c>.</summary>
    public const string Scheme = "FluxApiKey";

    /// <summary>The policy of every <c>/v1</c> endpoint outside <c>/v1/public</c>: a valid secret key.</summary>
    public const string SecretKeyPolicy = "FluxSecretKey";

    /// <summary>The policy of public endpoints that need a publishable key (<c>pk_…</c>), such as creating an order.</summary>
    public const string PublishableKeyPolicy = "FluxPublishableKey";

    /// <summary>
    /// The policy of public endpoints anyone may call: no key, or a publishable key. A secret key is refused there, so
    /// browser code that leaks one fails at once.
    /// </summary>
    public const string PublicPolicy = "FluxPublic";

    /// <summary>The CORS policy of <c>/v1/public</c>: any origin, for browser code on the merchant's pages.</summary>
    public const string PublicCorsPolicy = "FluxPublicCors";

    /// <summary>The key's id (<c>key_…</c>), a claim of every principal the scheme signs in.</summary>
    public const string KeyIdClaim = "flux:api_key_id";

    /// <summary>"true" for a live key, "false" for a test key.</summary>
    public const string LivemodeClaim = "flux:livemode";
}
