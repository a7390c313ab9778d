using System.Text.Json.Serialization;

namespace Flux.Dashboard.Features.Wallets;

/// <summary>A wallet as the API shows it: an address customers pay into, <see cref="Default"/> when orders naming none go there.</summary>
public sealed record WalletResource(string Id, string Address, string? Label, bool Default, string Network, DateTimeOffset CreatedAt, bool Livemode)
{
    [JsonPropertyOrder(-1)]
    public string Object => "wallet";

    public static WalletResource Of(Wallet wallet) =>
        new(wallet.Id, wallet.Address, wallet.Label, wallet.IsDefault, wallet.Network, wallet.CreatedAt, wallet.Livemode);
}

/// <summary>The answer to a delete, as Stripe's: the id and <c>deleted: true</c>.</summary>
public sealed record DeletedWalletResource(string Id)
{
    public string Object => "wallet";
    public bool Deleted => true;
}

/// <summary>The body of <c>POST /v1/wallets</c>: <c>{"address": "G…", "label": "Shop", "default": true}</c>.</summary>
public sealed record CreateWalletBody(string? Address, string? Label = null, bool? Default = null);

/// <summary>The body of <c>POST /v1/wallets/{id}</c>: a new <c>label</c> (<c>""</c> clears it), and <c>"default": true</c>.</summary>
public sealed record UpdateWalletBody(string? Label = null, bool? Default = null);
