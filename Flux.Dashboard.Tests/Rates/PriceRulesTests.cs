using Flux.Dashboard.Features.Rates;

namespace Flux.Dashboard.Tests.Rates;

/// <summary>The rounding rule: Pi is the price over the rate, rounded up to 7 decimals, never below the price's worth.</summary>
public sealed class PriceRulesTests
{
    [Theory]
    [InlineData("4.99", "0.325531", "15.3288013")]   // 15.32880125… rounded up
    [InlineData("10", "0.5", "20.0")]                 // exact: nothing added
    [InlineData("1", "3", "0.3333334")]               // 0.33333333… rounded up by less than a stroop
    [InlineData("0.01", "1000000", "0.0000001")]      // a price worth less than a stroop still costs one
    [InlineData("19.99", "0.000314159265", "63630.1463209")]
    [InlineData("1000", "0.7", "1428.5714286")]
    public void Pi_is_the_price_over_the_rate_rounded_up_to_a_stroop(string price, string rate, string pi)
    {
        var locked = PriceRules.ToPi(Dec(price), Dec(rate));

        Assert.Equal(Dec(pi), locked);
        Assert.True(locked * Dec(rate) >= Dec(price), "The merchant receives less than the price's worth.");
        Assert.True((locked - 0.0000001m) * Dec(rate) < Dec(price), "The customer pays a whole stroop or more too much.");
    }

    [Theory]
    [InlineData("usd", "USD")]
    [InlineData(" EUR ", "EUR")]
    [InlineData("PI", null)]
    [InlineData("US", null)]
    [InlineData("USDT", null)]
    [InlineData("U$D", null)]
    public void A_currency_is_a_three_letter_code_other_than_pi(string currency, string? code) =>
        Assert.Equal(code, PriceRules.CurrencyCode(currency));

    [Theory]
    [InlineData("4.99", null)]
    [InlineData("0.0001", null)]
    [InlineData("0.00001", "A price in USD can have at most 4 digits after the point.")]
    [InlineData("0", "The amount must be greater than 0.")]
    [InlineData("-1", "The amount must be greater than 0.")]
    public void A_price_has_at_most_four_decimals(string price, string? error) =>
        Assert.Equal(error, PriceRules.PriceError(Dec(price), "USD"));

    [Theory]
    [InlineData("0.000000000001", null)]
    [InlineData("0.0000000000001", "A rate can have at most 12 digits after the point.")]
    [InlineData("0", "The rate must be greater than 0.")]
    public void A_rate_has_at_most_twelve_decimals(string rate, string? error) =>
        Assert.Equal(error, PriceRules.RateError(Dec(rate)));

    private static decimal Dec(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
