using Flux.Dashboard.Api.Idempotency;
using Flux.Dashboard.Api.RateLimiting;
using Hangfire;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Flux.Dashboard.Api;

/// <summary>
/// The route groups features add their API endpoints to: <see cref="V1"/> (<c>/v1</c>) and <see cref="Seed"/> (the seed
/// docs' literal paths outside <c>/v1</c>, such as <c>POST /order/confirm</c>), both requiring a secret key; and
/// <see cref="Public"/> (<c>/v1/public</c>) for browser code: CORS open, limited per client IP, no key or a publishable
/// one (each endpoint picks <see cref="ApiAuth.PublicPolicy"/> or <see cref="ApiAuth.PublishableKeyPolicy"/>).
/// </summary>
public sealed record FluxApi(RouteGroupBuilder V1, RouteGroupBuilder Seed, RouteGroupBuilder Public);

public static class ApiExtensions
{
    public static void AddFluxApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<ApiOptions>>().Value);
        builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));

        builder.Services.AddOptions<ApiRateLimitOptions>()
            .BindConfiguration(ApiRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ApiRateLimiter>();
        // Counted here unless the instances count together (Features/ScaleOut, with Redis).
        builder.Services.TryAddSingleton<IApiRateLimits>(sp => sp.GetRequiredService<ApiRateLimiter>());

        builder.Services.AddCors(options => options.AddPolicy(ApiAuth.PublicCorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders(HeaderNames.Authorization, HeaderNames.ContentType, IdempotencyMiddleware.Header)
            .WithExposedHeaders(ApiRequestId.Header, HeaderNames.RetryAfter)));

        builder.Services.AddSingleton<ApiRoutes>();
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddTransient<IdempotencyPurge>();
    }

    /// <summary>
    /// Request-Id and error shape for API requests, then CORS (only <c>/v1/public</c> has a policy); goes before
    /// authentication, whose 401s are API errors too, and which a CORS preflight never reaches.
    /// </summary>
    public static void UseFluxApi(this WebApplication app)
    {
        app.UseMiddleware<ApiRequestMiddleware>();
        app.UseCors();
    }

    /// <summary>
    /// The API's rate limits, per key or (without a valid key) per client IP; goes between authentication and
    /// authorization, so requests with a bad key are counted before they are turned away.
    /// </summary>
    public static void UseFluxApiRateLimits(this WebApplication app) => app.UseMiddleware<ApiRateLimitMiddleware>();

    /// <summary><c>Idempotency-Key</c> on API POSTs, and the hourly purge of keys past 24 hours; goes after authorization.</summary>
    public static void UseFluxApiIdempotency(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyMiddleware>();
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<IdempotencyPurge>(IdempotencyPurge.JobId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
    }

    /// <summary>
    /// Refuses query parameters an endpoint does not take, and bodies sent to endpoints that read none; goes after
    /// authorization and idempotency, so a bad key is a 401 first and a replayed request is answered as it was.
    /// </summary>
    public static void UseFluxApiInputCheck(this WebApplication app) => app.UseMiddleware<ApiInputCheckMiddleware>();

    /// <summary>
    /// The API's route groups; any other <c>/v1/…</c> request is a 405 (a path the API has, another method) or a 404 in
    /// the error shape.
    /// </summary>
    public static FluxApi MapFluxApi(this WebApplication app)
    {
        var v1 = app.MapGroup("/v1").WithMetadata(ApiEndpointMetadata.Instance);
        v1.MapFallback("{**path}", (HttpContext http, ApiRoutes routes) => routes.Refuse(http));

        var secret = v1.MapGroup("").RequireAuthorization(ApiAuth.SecretKeyPolicy);
        var seed = app.MapGroup("").WithMetadata(ApiEndpointMetadata.Instance).RequireAuthorization(ApiAuth.SecretKeyPolicy);
        var open = v1.MapGroup("/public").WithMetadata(PublicApiEndpointMetadata.Instance).RequireCors(ApiAuth.PublicCorsPolicy);
        return new FluxApi(secret, seed, open);
    }
}
