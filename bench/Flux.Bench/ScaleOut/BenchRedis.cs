namespace Flux.Bench.ScaleOut;

/// <summary>
/// A throwaway Redis server for one scale-out benchmark, made by the tests' <c>.ci/redis</c> (Debian's
/// <c>redis-server</c>, in memory, a free port on 127.0.0.1) in a folder of its own (<see cref="CiServer"/>).
/// </summary>
public sealed class BenchRedis(CiServer server) : IAsyncDisposable
{
    /// <summary>The StackExchange.Redis configuration string, <c>127.0.0.1:&lt;port&gt;</c>.</summary>
    public string Configuration => server.Address;

    public static async Task<BenchRedis> StartAsync() => new(await CiServer.StartAsync("redis", "redis-server", "redis.pid"));

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
