using System.Globalization;

namespace Flux.Dashboard.Chain.Horizon;

/// <summary>Horizon amounts: decimal strings with at most 7 decimals (one stroop), invariant culture.</summary>
public static class HorizonAmount
{
    public const int MaxDecimals = 7;

    /// <summary>
    /// Parses exactly or not at all: more than 7 decimals, signs, exponents, separators or spaces fail rather than
    /// being rounded.
    /// </summary>
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var point = text.IndexOf('.');
        if (point >= 0 && text.Length - point - 1 > MaxDecimals)
        {
            return false;
        }
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }
}
