using System.Globalization;

namespace Flux.Dashboard.Common;

/// <summary>How Pi amounts and wallet addresses read on screen and in exports.</summary>
public static class PiFormat
{
    /// <summary>For people: grouped, up to 7 decimals with the trailing zeros dropped (<c>1,250.5</c>, <c>0.0000001</c>).</summary>
    public static string Amount(decimal amount) => amount.ToString("#,0.#######", CultureInfo.InvariantCulture);

    /// <summary>For machines: invariant culture, no grouping, always 7 decimals as Horizon writes them (<c>1250.5000000</c>).</summary>
    public static string Exact(decimal amount) => amount.ToString("0.0000000", CultureInfo.InvariantCulture);

    /// <summary>An address short enough for a table cell: <c>GABC…WXYZ</c>.</summary>
    public static string ShortAddress(string address) =>
        address.Length <= 12 ? address : $"{address[..4]}…{address[^4..]}";
}
