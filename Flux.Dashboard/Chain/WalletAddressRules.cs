namespace Flux.Dashboard.Chain;

/// <summary>Which addresses a merchant may use as a wallet, and what to tell them when they may not.</summary>
public static class WalletAddressRules
{
    public static WalletAddressCheck Validate(string? address, bool testMode)
    {
        var validation = StrKey.ValidateEd25519PublicKey(address);
        if (address == SandboxTestWallet.Address)
        {
            return testMode
                ? new(true, validation, null)
                : new(false, validation,
                    $"{SandboxTestWallet.Address} is the sandbox test wallet: it only works in test mode. " +
                    "Enter your own Pi wallet address for live payments.");
        }
        return validation.IsValid ? new(true, validation, null) : new(false, validation, Explain(address, validation));
    }

    /// <summary>The text is a secret seed (S…), pasted where an address belongs: a page should clear it and warn, not just correct.</summary>
    public static bool IsSecretKey(string? text) => StrKey.ValidateEd25519PublicKey(text?.Trim()).IsSecretSeed;

    private static string Explain(string? address, StrKeyValidation validation) => validation switch
    {
        { IsSecretSeed: true } =>
            "This is a secret key — never share it. Enter your public wallet address instead: it starts with G.",
        { Status: StrKeyStatus.Empty } =>
            "Enter a Pi wallet address: it starts with G and is 56 characters long.",
        { Status: StrKeyStatus.WrongLength } when StrKey.TryDecodeMuxedAccount(address, out var muxed) =>
            $"This is a muxed address (M…). Enter the wallet it belongs to instead: {muxed.BaseAccount}.",
        { Status: StrKeyStatus.WrongLength } =>
            $"A Pi wallet address is 56 characters long; this one has {address!.Length}.",
        { Status: StrKeyStatus.InvalidCharacters } =>
            "A Pi wallet address contains only capital letters A–Z and digits 2–7, without spaces.",
        { Status: StrKeyStatus.WrongVersion or StrKeyStatus.NonCanonicalEncoding } =>
            "This is not a wallet address: a Pi wallet address starts with G.",
        { Status: StrKeyStatus.BadChecksum } =>
            "The address checksum does not match, so the address has a typo. Copy it again from your wallet.",
        _ => throw new ArgumentOutOfRangeException(nameof(validation), validation, null),
    };
}
