using System.Globalization;

namespace Flux.Dashboard.Tests.Crash;

/// <summary>
/// How big a crash check is: <c>FLUX_CRASH_KILLS</c> kills (CI: 3), <c>FLUX_CRASH_ORDERS</c> orders (by default 50 for each
/// stretch between two kills) and <c>FLUX_CRASH_SEED</c>, the seed of the random kill points (by default a new one,
/// printed, so a run's kill points can be repeated).
/// </summary>
internal sealed record CrashCheckSize(int Kills, int Orders, int Seed)
{
    public const int DefaultKills = 3;
    public const int DefaultOrdersPerStretch = 50;

    public static CrashCheckSize FromEnvironment()
    {
        var kills = Read("FLUX_CRASH_KILLS") ?? DefaultKills;
        var orders = Read("FLUX_CRASH_ORDERS") ?? DefaultOrdersPerStretch * (kills + 1);
        var seed = Read("FLUX_CRASH_SEED") ?? Random.Shared.Next();
        if (kills < 0 || orders <= kills)
            throw new InvalidOperationException($"FLUX_CRASH_ORDERS ({orders}) must be more than FLUX_CRASH_KILLS ({kills}), and kills at least 0: each kill needs an order to land after.");
        return new(kills, orders, seed);
    }

    private static int? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text
            ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;
}
