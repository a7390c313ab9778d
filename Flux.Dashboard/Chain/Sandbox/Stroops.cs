namespace Flux.Dashboard.Chain.Sandbox;

/// <summary>Pi amounts as the ledger keeps them: whole stroops (1 Pi = 10^7), exact and orderable in SQLite.</summary>
public static class Stroops
{
    public const long PerPi = 10_000_000;

    public static decimal ToPi(long stroops) => stroops / (decimal)PerPi;

    /// <summary>Converts an amount with at most 7 decimals; more precision than a stroop is refused, never rounded.</summary>
    public static bool TryFromPi(decimal pi, out long stroops)
    {
        stroops = 0;
        var scaled = pi * PerPi;
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
            return false;
        stroops = (long)scaled;
        return true;
    }

    /// <summary>Horizon's amount format: a string with exactly 7 decimals.</summary>
    public static string Format(long stroops) =>
        ToPi(stroops).ToString("0.0000000", System.Globalization.CultureInfo.InvariantCulture);
}
