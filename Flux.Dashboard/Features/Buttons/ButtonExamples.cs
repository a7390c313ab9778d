using Flux.Dashboard.Api.Docs;

namespace Flux.Dashboard.Features.Buttons;

/// <summary>Examples for the buttons endpoints in the API reference.</summary>
internal static class ButtonExamples
{
    public const string ButtonId = "btn_4fT9qLmZ2xWc8R";

    public const string CreateFixed = $$"""
        {
          "amount": 10.0,
          "label": "Buy the e-book",
          "product_name": "The Pi Handbook (e-book)",
          "merchant_wallet": "{{SeedExamples.TestWallet}}",
          "style": { "color": "#6c2bd9", "size": "m", "shape": "pill", "theme": "light" },
          "success_url": "https://shop.example/thanks",
          "expires_in": 3600
        }
        """;

    public const string Update = """
        {
          "label": "Buy the e-book",
          "product_name": "The Pi Handbook, 2nd edition (e-book)",
          "expires_in": 3600
        }
        """;

    public const string Archive = """
        { "archived": true }
        """;

    public const string Restore = """
        { "archived": false }
        """;

    public const string CreateRange = $$"""
        {
          "amount_min": 1,
          "amount_max": 50,
          "label": "Tip the author",
          "merchant_wallet": "{{SeedExamples.TestWallet}}"
        }
        """;

    public const string Button = $$"""
        {
          "button_id": "{{ButtonId}}",
          "label": "Buy the e-book",
          "product_name": "The Pi Handbook (e-book)",
          "amount": 10.0,
          "amount_min": null,
          "amount_max": null,
          "currency": "PI",
          "merchant_wallet": "{{SeedExamples.TestWallet}}",
          "style": { "color": "#6c2bd9", "size": "m", "shape": "pill", "theme": "light" },
          "success_url": "https://shop.example/thanks",
          "expires_in": 3600,
          "enabled": true,
          "archived": false,
          "livemode": false,
          "created_at": "2025-05-27T22:45:13Z",
          "snippet": "<script src=\"{{SeedExamples.ApiHost}}/embed/flux-button.js\" async></script><div class=\"flux-button\" data-button-id=\"{{ButtonId}}\"></div>"
        }
        """;

    public const string ButtonList = $$"""
        {
          "object": "list",
          "data": [{{Button}}],
          "has_more": false
        }
        """;

    public const string PublicButton = $$"""
        {
          "button_id": "{{ButtonId}}",
          "label": "Buy the e-book",
          "amount": 10.0,
          "amount_min": null,
          "amount_max": null,
          "currency": "PI",
          "style": { "color": "#6c2bd9", "size": "m", "shape": "pill", "theme": "light" },
          "success_url": "https://shop.example/thanks",
          "enabled": true,
          "archived": false,
          "livemode": false
        }
        """;

    public const string OrderRequest = """
        { "amount": 5.0 }
        """;

    public const string Order = $$"""
        {
          "order_id": "{{SeedExamples.OrderId}}",
          "status": "pending_confirmation",
          "amount": 10.0,
          "amount_received": 0,
          "amount_due": 10.0,
          "currency": "PI",
          "pay_to": "{{SeedExamples.TestWallet}}",
          "memo": "{{SeedExamples.OrderId}}",
          "expires_at": "2025-05-27T23:15:13Z",
          "livemode": false,
          "transaction_hash": null,
          "checkout_url": "{{SeedExamples.ApiHost}}/checkout/{{SeedExamples.OrderId}}"
        }
        """;
}
