using System.Globalization;

namespace Flux.Dashboard.Common;

/// <summary>How Pi amounts and wallet addresses read on screen and in exports.</summary>
public static class PiFormat
{
    /// <summary>For people: grouped, up to 7 decimals with the trailing zeros dropped (<c>1,250.5</c>, <c>0.0000001</c>).</summary>
    public static string Amount(decimal amount) => amount.ToString("#,0.#######", CultureInfo.InvariantCulture);

    /// <summary>
    /// The one spelling of an amount for machines, wherever Flux writes one (API answers, events and webhooks, CSV
    /// exports): invariant culture, no grouping, its significant decimals and at least one (<c>10.0</c>, <c>1.1</c>,
    /// <c>0.0000001</c>), whatever scale the amount was read or computed with.
    /// </summary>
    public const string ExactFormat = "0.0###########################";

    /// <summary>An amount in <see cref="ExactFormat"/>.</summary>
    public static string Exact(decimal amount) => amount.ToString(ExactFormat, CultureInfo.InvariantCulture);

    /// <summary>An address short enough for a table cell: <c>GABC…WXYZ</c>.</summary>
    public static string ShortAddress(string address) =>
        address.Length <= 12 ? address : $"{address[..4]}…{address[^4..]}";
}
