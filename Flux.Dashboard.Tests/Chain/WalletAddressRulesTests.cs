using Flux.Dashboard.Chain;

namespace Flux.Dashboard.Tests.Chain;

public class WalletAddressRulesTests
{
    private const string Address = "GALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMZTB";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Valid_address_is_accepted_in_both_modes(bool testMode)
    {
        var check = WalletAddressRules.Validate(Address, testMode);

        Assert.True(check.IsValid);
        Assert.Null(check.Message);
    }

    [Fact]
    public void Sandbox_test_wallet_is_accepted_in_test_mode_although_its_checksum_is_bad()
    {
        var check = WalletAddressRules.Validate(SandboxTestWallet.Address, testMode: true);

        Assert.True(check.IsValid);
        Assert.Equal(StrKeyStatus.BadChecksum, check.StrKey.Status);
    }

    [Fact]
    public void Sandbox_test_wallet_is_refused_in_live_mode_as_the_sandbox_test_wallet()
    {
        var check = WalletAddressRules.Validate(SandboxTestWallet.Address, testMode: false);

        Assert.False(check.IsValid);
        Assert.Contains("sandbox test wallet", check.Message);
        Assert.Contains("test mode", check.Message);
    }

    [Fact]
    public void Address_one_character_away_from_the_sandbox_test_wallet_is_refused_in_test_mode()
    {
        var check = WalletAddressRules.Validate(SandboxTestWallet.Address[..^1] + "X", testMode: true);

        Assert.False(check.IsValid);
        Assert.Equal(StrKeyStatus.BadChecksum, check.StrKey.Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Secret_seed_pasted_as_wallet_is_refused_as_a_secret_key(bool testMode)
    {
        var check = WalletAddressRules.Validate("SADQOBYHA4DQOBYHA4DQOBYHA4DQOBYHA4DQOBYHA4DQOBYHA4DQP54X", testMode);

        Assert.False(check.IsValid);
        Assert.True(check.StrKey.IsSecretSeed);
        Assert.StartsWith("This is a secret key — never share it.", check.Message);
    }

    [Fact]
    public void Checksum_failure_says_the_checksum_does_not_match()
    {
        var check = WalletAddressRules.Validate(Address[..^1] + "C", testMode: false);

        Assert.Equal(StrKeyStatus.BadChecksum, check.StrKey.Status);
        Assert.Contains("checksum", check.Message);
    }

    [Theory]
    [InlineData("", "Enter a Pi wallet address")]
    [InlineData("GALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMZT", "56 characters long; this one has 55")]
    [InlineData("galpcczn4yxa3ymjhkl6cviecklpjjctvmsnywbtkjw4k5hqlyldmztb", "only capital letters A–Z and digits 2–7")]
    [InlineData("TAAQCAIBAEAQCAIBAEAQCAIBAEAQCAIBAEAQCAIBAEAQCAIBAEAQCENW", "starts with G")]
    public void Invalid_address_gets_a_merchant_facing_reason(string address, string expected)
    {
        var check = WalletAddressRules.Validate(address, testMode: false);

        Assert.False(check.IsValid);
        Assert.Contains(expected, check.Message);
    }

    [Fact]
    public void Muxed_address_is_refused_with_the_wallet_it_belongs_to()
    {
        var check = WalletAddressRules.Validate("MALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMAAAAEPXD6YEZMI32", testMode: false);

        Assert.False(check.IsValid);
        Assert.Contains(Address, check.Message);
    }
}
