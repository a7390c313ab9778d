using Flux.Dashboard.Api.Docs;

namespace Flux.Dashboard.Features.PaymentLinks;

/// <summary>Examples for the payment links endpoints in the API reference.</summary>
internal static class PaymentLinkExamples
{
    public const string PaymentLinkId = "plink_7Hq2LmZ9xWc4RtB8Kp3D";

    public const string Create = $$"""
        {
          "product_name": "Flat white",
          "amount": 2.5,
          "quantity_adjustable": true,
          "merchant_wallet": "{{SeedExamples.TestWallet}}"
        }
        """;

    public const string CreatePrice = """
        {
          "product_name": "Concert ticket",
          "amount": 25.0,
          "currency": "USD",
          "success_url": "https://shop.example/thanks?order={ORDER_ID}",
          "expires_in": 900
        }
        """;

    public const string Deactivate = """
        {
          "active": false
        }
        """;

    public const string PaymentLink = $$"""
        {
          "payment_link_id": "{{PaymentLinkId}}",
          "product_name": "Flat white",
          "amount": 2.5,
          "currency": "PI",
          "quantity_adjustable": true,
          "merchant_wallet": "{{SeedExamples.TestWallet}}",
          "success_url": null,
          "expires_in": null,
          "active": true,
          "livemode": false,
          "created_at": "2025-05-27T22:45:13Z",
          "url": "{{SeedExamples.ApiHost}}/pay/{{PaymentLinkId}}"
        }
        """;

    public const string PaymentLinkList = $$"""
        {
          "object": "list",
          "data": [{{PaymentLink}}],
          "has_more": false
        }
        """;
}
