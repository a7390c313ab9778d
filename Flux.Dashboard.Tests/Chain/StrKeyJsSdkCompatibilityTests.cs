using Flux.Dashboard.Chain;

namespace Flux.Dashboard.Tests.Chain;

/// <summary>Flux's StrKey against the official Stellar JS SDK (see StellarJs/; needs `npm ci` there).</summary>
public class StrKeyJsSdkCompatibilityTests(StellarJsReference reference) : IClassFixture<StellarJsReference>
{
    private readonly StellarJsReference.ReferenceOutput _js = reference.Output;

    [Fact]
    public void Reference_is_the_pinned_JS_SDK()
    {
        Assert.Equal("17.2.0", _js.SdkVersion);
    }

    [Fact]
    public void Every_random_JS_key_decodes_to_its_raw_bytes_and_encodes_back_exactly()
    {
        Assert.True(_js.Keys.Count >= 1000);

        foreach (var key in _js.Keys)
        {
            var raw = StrKey.DecodeEd25519PublicKey(key.Address);

            Assert.Equal(key.Hex, Convert.ToHexStringLower(raw));
            Assert.Equal(key.Address, StrKey.EncodeEd25519PublicKey(raw));
        }
    }

    [Fact]
    public void Flux_and_the_JS_SDK_agree_on_every_single_character_mutation_of_a_public_key()
    {
        Assert.NotEmpty(_js.KeyMutations);

        var disagreements = _js.KeyMutations
            .Where(m => StrKey.IsValidEd25519PublicKey(m.Address) != m.Valid)
            .Select(m => $"{m.Address}: JS {(m.Valid ? "accepts" : "rejects")}, Flux {StrKey.ValidateEd25519PublicKey(m.Address).Status}")
            .ToList();

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements.Take(20)));
    }

    [Fact]
    public void Every_JS_muxed_address_decodes_to_its_base_account_and_id()
    {
        foreach (var muxed in _js.Muxed)
        {
            Assert.True(StrKey.TryDecodeMuxedAccount(muxed.Address, out var decoded), muxed.Address);

            Assert.Equal(muxed.BaseAddress, decoded.BaseAccount);
            Assert.Equal(muxed.Id, decoded.Id);
            Assert.Equal(muxed.Address, StrKey.EncodeMuxedAccount(StrKey.DecodeEd25519PublicKey(muxed.BaseAddress), muxed.Id));
        }
    }

    [Fact]
    public void Flux_and_the_JS_SDK_agree_on_every_single_character_mutation_of_a_muxed_address()
    {
        Assert.NotEmpty(_js.MuxedMutations);

        var disagreements = _js.MuxedMutations
            .Where(m => StrKey.ValidateMuxedAccount(m.Address).IsValid != m.Valid)
            .Select(m => $"{m.Address}: JS {(m.Valid ? "accepts" : "rejects")}, Flux {StrKey.ValidateMuxedAccount(m.Address).Status}")
            .ToList();

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements.Take(20)));
    }

    [Fact]
    public void Random_JS_secret_seeds_are_recognised_and_refused_as_secret_keys()
    {
        foreach (var seed in _js.Seeds)
        {
            Assert.True(seed.ValidSeed);
            Assert.False(seed.ValidPublicKey);

            Assert.Equal(new StrKeyValidation(StrKeyStatus.WrongVersion, IsSecretSeed: true), StrKey.ValidateEd25519PublicKey(seed.Address));
            Assert.StartsWith("This is a secret key — never share it.", WalletAddressRules.Validate(seed.Address, testMode: true).Message);
        }
    }

    [Fact]
    public void Sandbox_test_wallet_is_invalid_for_the_JS_SDK_and_Flux_but_allowed_in_test_mode()
    {
        Assert.Equal(SandboxTestWallet.Address, _js.SandboxTestWallet.Address);
        Assert.False(_js.SandboxTestWallet.Valid);

        Assert.Equal(StrKeyStatus.BadChecksum, StrKey.ValidateEd25519PublicKey(SandboxTestWallet.Address).Status);
        Assert.True(WalletAddressRules.Validate(SandboxTestWallet.Address, testMode: true).IsValid);
        Assert.False(WalletAddressRules.Validate(SandboxTestWallet.Address, testMode: false).IsValid);
    }
}
