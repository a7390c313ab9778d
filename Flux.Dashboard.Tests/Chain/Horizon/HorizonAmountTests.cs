using Flux.Dashboard.Chain.Horizon;

namespace Flux.Dashboard.Tests.Chain.Horizon;

public class HorizonAmountTests
{
    [Theory]
    [InlineData("20.0000000", "20")]
    [InlineData("0.0000001", "0.0000001")]
    [InlineData("922337203685.4775807", "922337203685.4775807")]
    [InlineData("39", "39")]
    public void Amount_with_at_most_seven_decimals_parses_exactly(string text, string expected)
    {
        Assert.True(HorizonAmount.TryParse(text, out var amount));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1.00000001")]
    [InlineData("0.00000000")]
    [InlineData("-1.0000000")]
    [InlineData("1e7")]
    [InlineData(" 1.0000000")]
    [InlineData("1,0000000")]
    [InlineData("1,000.0000000")]
    [InlineData("ten")]
    public void Amount_that_is_not_exact_Horizon_format_is_rejected(string? text)
    {
        Assert.False(HorizonAmount.TryParse(text, out _));
    }
}
