using System.Text.RegularExpressions;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Features.Rates;

/// <summary>
/// How a price in the merchant's currency becomes Pi, and what a price, a currency and a rate may be. The rule: the Pi
/// amount is the price divided by the rate, rounded <em>up</em> to Pi's 7 decimals, so the merchant always receives at
/// least the price's worth and the customer pays at most 1 stroop (0.0000001 Pi) more than the exact quotient.
/// </summary>
public static partial class PriceRules
{
    /// <summary>Fiat prices are written with up to 4 decimals (enough for every ISO 4217 currency's minor unit).</summary>
    public const int MaxPriceDecimals = 4;

    public const decimal MaxPrice = 1_000_000_000_000m;

    /// <summary>Rates keep up to 12 decimals: a currency worth many Pi needs them to price a small order to the stroop.</summary>
    public const int MaxRateDecimals = 12;

    public const decimal MaxRate = 1_000_000_000_000m;

    /// <summary>Pi for <paramref name="price"/> at <paramref name="rate"/> (the price of one Pi): rounded up to 7 decimals.</summary>
    public static decimal ToPi(decimal price, decimal rate)
    {
        var exact = price / rate;
        // Past the largest order the amount is refused anyway; counting its stroops could overflow.
        if (exact > OrderRules.MaxAmount)
            return exact;
        var stroops = decimal.Ceiling(exact * 10_000_000m);
        return decimal.Round(stroops / 10_000_000m, OrderRules.MaxDecimals);
    }

    /// <summary>The upper-cased code when <paramref name="currency"/> looks like an ISO 4217 code other than Pi's; else null.</summary>
    public static string? CurrencyCode(string? currency)
    {
        var code = currency?.Trim().ToUpperInvariant();
        return code is not null && IsoCode().IsMatch(code) && code != OrderResource.PiCurrency ? code : null;
    }

    /// <summary>Why a price cannot be an order's price, or null when it can.</summary>
    public static string? PriceError(decimal? price, string currency) => price switch
    {
        null => $"Enter the price in {currency}.",
        <= 0 => "The amount must be greater than 0.",
        > MaxPrice => $"The price can be at most {MaxPrice:#,0} {currency}.",
        { } p when decimal.Round(p, MaxPriceDecimals) != p => $"A price in {currency} can have at most {MaxPriceDecimals} digits after the point.",
        _ => null,
    };

    /// <summary>Why a value cannot be a rate (the price of one Pi), or null when it can.</summary>
    public static string? RateError(decimal? rate) => rate switch
    {
        null => "Enter the price of one Pi.",
        <= 0 => "The rate must be greater than 0.",
        > MaxRate => "The rate is too large.",
        { } r when decimal.Round(r, MaxRateDecimals) != r => $"A rate can have at most {MaxRateDecimals} digits after the point.",
        _ => null,
    };

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex IsoCode();
}
