namespace Flux.Dashboard.Features.ScaleOut;

/// <summary>
/// The Redis server that makes several Flux instances on one database one Flux (<c>Flux:Redis</c>): events, cache
/// invalidations and rate-limit counters go through it. Without it Flux is one instance.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Flux:Redis";

    /// <summary>A StackExchange.Redis configuration string, such as <c>127.0.0.1:6379</c> or <c>redis.internal:6379,password=…</c>.</summary>
    public string? Configuration { get; set; }

    public static RedisOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<RedisOptions>() ?? new();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
