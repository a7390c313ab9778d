using Flux.Dashboard.Chain.Horizon;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Flux.Dashboard.Chain;

public static class ChainExtensions
{
    public static void AddChain(this WebApplicationBuilder builder) => builder.Services.AddChain(builder.Configuration);

    internal static IServiceCollection AddChain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChainOptions>().Bind(configuration.GetSection(ChainOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChainOptions>, ChainOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(HorizonClientFactory.ApiHttpClientName)
            .AddStandardResilienceHandler(ConfigureResilience)
            // One circuit breaker per Horizon host: a failing testnet must not block mainnet.
            .SelectPipelineByAuthority();
        services.AddHttpClient(HorizonClientFactory.StreamHttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) });
        services.AddSingleton<HorizonClientFactory>();
        return services;
    }

    private static void ConfigureResilience(HttpStandardResilienceOptions options)
    {
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);
        options.Retry.MaxRetryAttempts = 4;
        options.Retry.Delay = TimeSpan.FromSeconds(1);
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.UseJitter = true;
        options.Retry.ShouldRetryAfterHeader = true;
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
    }
}
