using Flux.Dashboard.Api;
using Microsoft.AspNetCore.Authentication;

namespace Flux.Dashboard.Features.ApiKeys;

public static class ApiKeysExtensions
{
    /// <summary>Keys, the <see cref="ApiAuth.Scheme"/> scheme with the secret-key policy, and the last-used writer.</summary>
    public static void AddApiKeys(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<ApiKeyUsage>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiKeyUsage>());

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiAuth.Scheme, displayName: "API key", _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiAuth.SecretKeyPolicy, policy => policy
                .AddAuthenticationSchemes(ApiAuth.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiCaller.KindClaimType, ApiCaller.SecretKindValue));
    }
}
