using Flux.Dashboard.Chain;

namespace Flux.Dashboard.Tests.Chain;

public class StrKeyTests
{
    // Vectors produced with the official JS SDK (@stellar/stellar-sdk 17.2.0).
    private const string ZeroKeyAddress = "GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF";
    private const string Address = "GALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMZTB";
    private const string AddressHex = "16f10b2de62e0de1893a97e15504129eb4a453ab24dc5833526dc574f05e1636";
    private const string MuxedAddress = "MALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMAAAAEPXD6YEZMI32";
    private const string MuxedMaxId = "MAP2KHWUMOHY7IO37UJY7SEBIITJIDZS5DRIIQRPEUT4VUKHZQGIR7777777777777KQY";
    private const string SecretSeedOfSevens = "SADQOBYHA4DQOBYHA4DQOBYHA4DQOBYHA4DQOBYHA4DQOBYHA4DQP54X";
    private const string PreAuthTx = "TAAQCAIBAEAQCAIBAEAQCAIBAEAQCAIBAEAQCAIBAEAQCAIBAEAQCENW";

    [Fact]
    public void Public_key_encodes_as_the_JS_SDK_does()
    {
        Assert.Equal(ZeroKeyAddress, StrKey.EncodeEd25519PublicKey(new byte[32]));
        Assert.Equal(Address, StrKey.EncodeEd25519PublicKey(Convert.FromHexString(AddressHex)));
    }

    [Fact]
    public void Public_key_decodes_to_its_raw_bytes()
    {
        var key = StrKey.DecodeEd25519PublicKey(Address);

        Assert.Equal(AddressHex, Convert.ToHexStringLower(key));
    }

    [Theory]
    [InlineData(null, StrKeyStatus.Empty)]
    [InlineData("", StrKeyStatus.Empty)]
    [InlineData("GALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMZT", StrKeyStatus.WrongLength)]
    [InlineData("GALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMZTBA", StrKeyStatus.WrongLength)]
    [InlineData("galpcczn4yxa3ymjhkl6cviecklpjjctvmsnywbtkjw4k5hqlyldmztb", StrKeyStatus.InvalidCharacters)]
    [InlineData("GALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMZTb", StrKeyStatus.InvalidCharacters)]
    [InlineData("GALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMZT1", StrKeyStatus.InvalidCharacters)]
    [InlineData("GALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMZT0", StrKeyStatus.InvalidCharacters)]
    [InlineData("GALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMZT=", StrKeyStatus.InvalidCharacters)]
    [InlineData(" ALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMZTB", StrKeyStatus.InvalidCharacters)]
    [InlineData(PreAuthTx, StrKeyStatus.WrongVersion)]
    [InlineData("GALPCCZN4YXA3YMJHKL6CVIECKPLJJCTVMSNYWBTKJW4K5HQLYLDMZTC", StrKeyStatus.BadChecksum)]
    [InlineData(SandboxTestWallet.Address, StrKeyStatus.BadChecksum)]
    public void Invalid_public_key_reports_why(string? address, StrKeyStatus expected)
    {
        var validation = StrKey.ValidateEd25519PublicKey(address);

        Assert.Equal(expected, validation.Status);
        Assert.False(validation.IsValid);
        Assert.False(validation.IsSecretSeed);
    }

    [Fact]
    public void Secret_seed_is_recognised_as_a_secret_seed()
    {
        var validation = StrKey.ValidateEd25519PublicKey(SecretSeedOfSevens);

        Assert.Equal(new StrKeyValidation(StrKeyStatus.WrongVersion, IsSecretSeed: true), validation);
    }

    [Fact]
    public void Decoding_an_invalid_key_throws_a_format_exception_naming_the_reason()
    {
        var error = Assert.Throws<FormatException>(() => StrKey.DecodeEd25519PublicKey(SandboxTestWallet.Address));

        Assert.Contains(nameof(StrKeyStatus.BadChecksum), error.Message);
    }

    [Fact]
    public void Muxed_account_decodes_to_its_base_account_and_id()
    {
        Assert.True(StrKey.TryDecodeMuxedAccount(MuxedAddress, out var muxed));

        Assert.Equal(new MuxedAccount(MuxedAddress, Address, 1234567890123UL), muxed);
    }

    [Fact]
    public void Muxed_account_encodes_as_the_JS_SDK_does()
    {
        var key = StrKey.DecodeEd25519PublicKey("GAP2KHWUMOHY7IO37UJY7SEBIITJIDZS5DRIIQRPEUT4VUKHZQGIRWS4");

        Assert.Equal(MuxedAddress, StrKey.EncodeMuxedAccount(Convert.FromHexString(AddressHex), 1234567890123UL));
        Assert.Equal(MuxedMaxId, StrKey.EncodeMuxedAccount(key, ulong.MaxValue));
    }

    [Fact]
    public void Muxed_account_with_non_zero_trailing_bit_is_not_canonical()
    {
        // 69 characters carry 345 bits for 344 bits of data; '2' (11010) and '3' (11011) differ only in that spare bit.
        var lastBitSet = MuxedAddress[..^1] + "3";

        Assert.Equal(StrKeyStatus.NonCanonicalEncoding, StrKey.ValidateMuxedAccount(lastBitSet).Status);
        Assert.False(StrKey.TryDecodeMuxedAccount(lastBitSet, out _));
    }

    [Fact]
    public void Base_account_of_a_G_address_is_itself_and_of_an_M_address_its_base()
    {
        Assert.True(StrKey.TryGetBaseAccount(Address, out var fromG));
        Assert.True(StrKey.TryGetBaseAccount(MuxedAddress, out var fromM));
        Assert.False(StrKey.TryGetBaseAccount(SandboxTestWallet.Address, out _));

        Assert.Equal(Address, fromG);
        Assert.Equal(Address, fromM);
    }

    [Fact]
    public void Public_key_is_not_a_muxed_account()
    {
        Assert.False(StrKey.TryDecodeMuxedAccount(Address, out _));
        Assert.Equal(StrKeyStatus.WrongLength, StrKey.ValidateMuxedAccount(Address).Status);
    }
}
