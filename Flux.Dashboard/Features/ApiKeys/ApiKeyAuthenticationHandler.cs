using System.Text.Encodings.Web;
using Flux.Dashboard.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Flux.Dashboard.Features.ApiKeys;

/// <summary>
/// The <see cref="ApiAuth.Scheme"/> scheme: <c>Authorization: Bearer sk_…</c> becomes the key's merchant and mode.
/// Its challenges are API errors (401 <c>authentication_error</c>), never a redirect to the sign-in page.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyService keys,
    ApiKeyUsage usage,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>The product docs' own message for a bad key.</summary>
    public const string InvalidKeyMessage = "The provided API key is invalid";

    public const string NoKeyMessage =
        "No API key provided. Send your secret key in the Authorization header: \"Authorization: Bearer sk_test_…\".";

    public const string NeedsSecretKeyMessage =
        "This request needs a secret key (sk_…). Publishable keys (pk_…) only work with the public endpoints.";

    public const string NoPublishableKeyMessage =
        "No API key provided. Send your publishable key in the Authorization header: \"Authorization: Bearer pk_test_…\".";

    public const string SecretKeyInBrowserMessage =
        "Secret keys (sk_…) must never be used in browser code: anyone who sees the page can take it. Use your publishable " +
        "key (pk_…) here, and roll the secret key you sent if it was ever on a web page.";

    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[HeaderNames.Authorization];
        if (string.IsNullOrWhiteSpace(header.ToString()))
            return AuthenticateResult.NoResult();
        var value = header.Count == 1 ? header.ToString().Trim() : "";
        if (!value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail(InvalidKeyMessage);

        var key = await keys.AuthenticateAsync(value[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        if (key is null)
            return AuthenticateResult.Fail(InvalidKeyMessage);

        usage.Record(key.Id, clock.GetUtcNow());
        return AuthenticateResult.Success(new AuthenticationTicket(ApiCaller.Principal(key, Scheme.Name), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = "Bearer";
        var isPublic = Context.GetEndpoint()?.Metadata.GetMetadata<PublicApiEndpointMetadata>() is not null;
        await ApiError.Authentication(result.None ? isPublic ? NoPublishableKeyMessage : NoKeyMessage : InvalidKeyMessage).ExecuteAsync(Context);
    }

    /// <summary>
    /// A valid key that may not make this call: a publishable key on a secret endpoint, or a secret key on a public one.
    /// </summary>
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var isSecret = result.Principal?.HasClaim(ApiCaller.KindClaimType, ApiCaller.SecretKindValue) == true;
        await ApiError.Authentication(isSecret ? SecretKeyInBrowserMessage : NeedsSecretKeyMessage).ExecuteAsync(Context);
    }
}
