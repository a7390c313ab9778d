using Flux.Dashboard.Api.RateLimiting;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Health;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace Flux.Dashboard.Features.ScaleOut;

/// <summary>
/// What lets several Flux instances on one database serve as one (docs/scale-out.md). Always: the Data Protection keys
/// (sign-in cookies, antiforgery tokens, Identity's e-mail tokens) live in the database, so what one instance issued
/// every other reads. With <c>Flux:Redis:Configuration</c>: the instances tell each other through Redis
/// (<see cref="RedisOtherInstances"/>), count the API's rate limits (<see cref="RedisApiRateLimits"/>) and failed
/// sign-ins (<see cref="RedisSignInThrottle"/>) together, and <c>/readyz</c> reports Redis. Without it there are no other instances.
/// </summary>
public static class ScaleOutExtensions
{
    /// <summary>One name for every instance, wherever it is installed: keys are shared only within an application name.</summary>
    public const string ApplicationName = "Flux";

    public static void AddScaleOut(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<FluxDbContext>();

        var redis = RedisOptions.From(builder.Configuration);
        if (!redis.IsConfigured)
        {
            builder.Services.AddSingleton<IOtherInstances, NoOtherInstances>();
            return;
        }
        var configuration = ConfigurationOptions.Parse(redis.Configuration!);
        // Flux starts, and keeps serving, while Redis is down; the connection comes back by itself. Meanwhile a command fails
        // at once rather than waiting for it (a request would wait on its rate limit).
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration));
        builder.Services.AddSingleton<IOtherInstances, RedisOtherInstances>();
        builder.Services.AddSingleton<IApiRateLimits, RedisApiRateLimits>();
        builder.Services.AddSingleton<ISignInThrottle, RedisSignInThrottle>();
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthExtensions.Ready]);
    }
}
