using Flux.Dashboard.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;

namespace Flux.Dashboard.Features.ApiKeys;

public static class ApiKeysExtensions
{
    /// <summary>Keys, the <see cref="ApiAuth.Scheme"/> scheme with the API's key policies, and the last-used writer.</summary>
    public static void AddApiKeys(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<ApiKeyUsage>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiKeyUsage>());

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiAuth.Scheme, displayName: "API key", _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiAuth.SecretKeyPolicy, policy => policy
                .AddAuthenticationSchemes(ApiAuth.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiCaller.KindClaimType, ApiCaller.SecretKindValue))
            .AddPolicy(ApiAuth.PublishableKeyPolicy, policy => policy
                .AddAuthenticationSchemes(ApiAuth.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiCaller.KindClaimType, ApiCaller.PublishableKindValue))
            // No key at all, or a valid publishable one; a bad key is challenged (401), a secret key forbidden (401 too).
            .AddPolicy(ApiAuth.PublicPolicy, policy => policy
                .AddAuthenticationSchemes(ApiAuth.Scheme)
                .RequireAssertion(context => context.Resource is HttpContext http
                    && (!http.Request.Headers.ContainsKey(HeaderNames.Authorization)
                        || context.User.HasClaim(ApiCaller.KindClaimType, ApiCaller.PublishableKindValue))));
    }
}
