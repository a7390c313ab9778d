namespace Flux.Dashboard.Tests.ScaleOut;

/// <summary>
/// The Redis server of the PostgreSQL run: <c>./test.sh</c> starts one (<c>.ci/redis start</c>) and names it in
/// <c>FLUX_TEST_REDIS</c>, a StackExchange.Redis configuration string such as <c>127.0.0.1:6379</c>.
/// </summary>
internal static class TestRedis
{
    public static string Configuration => Environment.GetEnvironmentVariable("FLUX_TEST_REDIS")
        ?? throw new InvalidOperationException("The scale-out tests need FLUX_TEST_REDIS, the configuration string of a Redis server (.ci/redis start).");
}
