using Flux.Dashboard.Features.Checkout;

namespace Flux.Dashboard.Tests.Checkout;

public sealed class PaymentUriTests
{
    private const string Wallet = "GD5YHQWSTDLU4I2TVSTTLVKXI3RDEOYMPC66EYS32JBPBTKWT4X2EWBW";

    [Fact]
    public void Mainnet_uri_matches_the_design_example_with_Pi_Network_passphrase()
    {
        var uri = PaymentUri.For(Wallet, 10m, "ord_abc", "Pi Network");

        Assert.Equal($"web+stellar:pay?destination={Wallet}&amount=10.0000000&memo=ord_abc&memo_type=MEMO_TEXT&network_passphrase=Pi%20Network", uri);
    }

    [Fact]
    public void Testnet_uri_names_the_Pi_Testnet_passphrase()
    {
        Assert.EndsWith("&network_passphrase=Pi%20Testnet", PaymentUri.For(Wallet, 1m, "ord_x", "Pi Testnet"));
    }

    [Theory]
    [InlineData("0.0000001", "0.0000001")]
    [InlineData("1250.5", "1250.5000000")]
    [InlineData("3", "3.0000000")]
    public void Amount_has_seven_decimals_and_no_grouping_whatever_the_culture(string amount, string expected)
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var uri = PaymentUri.For(Wallet, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "m", "Pi Network");
            Assert.Contains($"&amount={expected}&", uri);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Every_value_is_percent_encoded()
    {
        var uri = PaymentUri.For("G&A=B", 1m, "a memo/with?&=#", "Test SDF Network ; September 2015");

        Assert.Contains("destination=G%26A%3DB&", uri);
        Assert.Contains("&memo=a%20memo%2Fwith%3F%26%3D%23&", uri);
        Assert.EndsWith("&network_passphrase=Test%20SDF%20Network%20%3B%20September%202015", uri);
    }
}
