namespace Flux.Dashboard.Features.Wallets;

/// <summary>The fields of a wallet a merchant fills in; also the <c>param</c> names the API reports errors under.</summary>
public static class WalletFields
{
    public const string Address = "address";
    public const string Label = "label";
}

/// <summary>A change to an active wallet: a new label (empty clears it; null leaves it), and whether it becomes the default.</summary>
public sealed record WalletChange(string? Label = null, bool MakeDefault = false);
