namespace Flux.Dashboard.Features.Wallets;

/// <summary>The fields of a wallet a merchant fills in; also the <c>param</c> names the API reports errors under.</summary>
public static class WalletFields
{
    public const string Address = "address";
    public const string Label = "label";
}

/// <summary>A change to an active wallet: a new label (empty clears it; null leaves it), and whether it becomes the default.</summary>
public sealed record WalletChange(string? Label = null, bool MakeDefault = false);

/// <summary>
/// What a change to a wallet came to: the saved <see cref="Wallet"/>, or why nothing was written — field errors
/// (under <see cref="WalletFields"/>), a form-level <see cref="Error"/> (Horizon could not be asked), or
/// <see cref="IsNotFound"/> when the wallet is not one of this merchant's in this mode.
/// </summary>
public sealed record WalletResult
{
    private static readonly IReadOnlyDictionary<string, string> NoFieldErrors = new Dictionary<string, string>();

    public Wallet? Wallet { get; private init; }
    public IReadOnlyDictionary<string, string> FieldErrors { get; private init; } = NoFieldErrors;
    public string? Error { get; private init; }
    public bool IsNotFound { get; private init; }

    /// <summary>The merchant pasted a secret seed (S…) as the address: the page should clear it and warn, not just correct.</summary>
    public bool SecretKeyPasted { get; private init; }

    public bool Succeeded => Wallet is not null;

    public string? ErrorFor(string field) => FieldErrors.GetValueOrDefault(field);

    public static WalletResult Saved(Wallet wallet) => new() { Wallet = wallet };

    public static WalletResult Invalid(IReadOnlyDictionary<string, string> fieldErrors, bool secretKeyPasted = false) =>
        new() { FieldErrors = fieldErrors, SecretKeyPasted = secretKeyPasted };

    public static WalletResult Invalid(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });

    public static WalletResult Failed(string error) => new() { Error = error };

    public static WalletResult NotFound() => new() { IsNotFound = true, Error = "This wallet was not found." };
}
