namespace Flux.Dashboard.Features.Wallets;

/// <summary>Examples for the wallets endpoints in the API reference.</summary>
internal static class WalletExamples
{
    public const string WalletId = "wal_3mQ8xV2kLp9Z";

    /// <summary>A funded account on every network Flux knows (the one that paid the seed's example payment).</summary>
    public const string Address = "GBRPYHIL2CI3FNQ4BXLFMNDLFJUNPU2HY3ZMFSHONUCEOASW7QC7OX2H";

    public const string Create = $$"""
        {
          "address": "{{Address}}",
          "label": "Main shop",
          "default": true
        }
        """;

    public const string Update = """
        {
          "label": "Online shop",
          "default": true
        }
        """;

    public const string Wallet = $$"""
        {
          "object": "wallet",
          "id": "{{WalletId}}",
          "address": "{{Address}}",
          "label": "Main shop",
          "default": true,
          "network": "sandbox",
          "created_at": "2025-05-27T22:40:02Z",
          "livemode": false
        }
        """;

    public const string List = $$"""
        {
          "object": "list",
          "data": [{{Wallet}}],
          "has_more": false
        }
        """;

    public const string Deleted = $$"""
        {
          "id": "{{WalletId}}",
          "object": "wallet",
          "deleted": true
        }
        """;
}
