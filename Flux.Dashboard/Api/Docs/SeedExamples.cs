using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flux.Dashboard.Api.Docs;

/// <summary>
/// Request and response examples for the API reference, taken from the product docs' requests (docs/api.md) where the seed shows one
/// (<c>POST /order/confirm</c>, <c>flux.payments.create</c>, the error sample) and completed with the fields Flux sends.
/// </summary>
public static class SeedExamples
{
    public const string ApiHost = "https://api.flux.io";
    public const string TestWallet = "GD5YHQWSTDLU4I2TVSTTLVKXI3RDEOYMPC66EYS32JBPBTKWT4X2EWBW";
    public const string OrderId = "ord_8f7sd6f876dsf";
    public const string RequestId = "req_7PtEBi4JMVb2Ef";

    /// <summary>The product docs' "Confirm an Order" request.</summary>
    public const string ConfirmOrderRequest = $$"""
        {
          "amount": 10.0,
          "currency": "PI",
          "description": "Premium subscription",
          "merchant_wallet": "{{TestWallet}}"
        }
        """;

    /// <summary>The product docs' <c>flux.payments.create</c> call: no wallet, so the merchant's default wallet is paid.</summary>
    public const string PaymentsCreateRequest = """
        {
          "amount": 10.0,
          "currency": "PI",
          "description": "Premium subscription"
        }
        """;

    /// <summary>The product docs' "Confirm an Order" response (its four fields first), with the rest of what Flux sends.</summary>
    public const string Order = $$"""
        {
          "order_id": "{{OrderId}}",
          "amount": 10.0,
          "status": "pending_confirmation",
          "created_at": "2025-05-27T22:45:13Z",
          "currency": "PI",
          "price": null,
          "rate": null,
          "description": "Premium subscription",
          "memo": "{{OrderId}}",
          "pay_to": "{{TestWallet}}",
          "expires_at": "2025-05-27T23:15:13Z",
          "checkout_url": "{{ApiHost}}/checkout/{{OrderId}}",
          "amount_received": 0.0,
          "amount_due": 10.0,
          "overpaid": false,
          "paid_at": null,
          "confirmed_at": null,
          "canceled_at": null,
          "transaction_hash": null,
          "payment_link": null,
          "customer_email": null,
          "livemode": false
        }
        """;

    /// <summary>An order as the public endpoints show it to browser code.</summary>
    public const string PublicOrder = $$"""
        {
          "order_id": "{{OrderId}}",
          "status": "pending_confirmation",
          "amount": 10.0,
          "amount_received": 0.0,
          "amount_due": 10.0,
          "currency": "PI",
          "price": null,
          "rate": null,
          "pay_to": "{{TestWallet}}",
          "memo": "{{OrderId}}",
          "expires_at": "2025-05-27T23:15:13Z",
          "livemode": false,
          "transaction_hash": null
        }
        """;

    public const string OrderList = $$"""
        {
          "object": "list",
          "data": [{{Order}}],
          "has_more": false
        }
        """;

    /// <summary>A payment Flux saw on chain, matched to the seed's order.</summary>
    public const string Payment = $$"""
        {
          "payment_id": "2583763873423361",
          "transaction_hash": "3389e9f0f1a65f19736cacf544c2e825313e8447f569233bb8db39aa607c8889",
          "ledger": 601592,
          "from": "GBRPYHIL2CI3FNQ4BXLFMNDLFJUNPU2HY3ZMFSHONUCEOASW7QC7OX2H",
          "to": "{{TestWallet}}",
          "to_muxed": null,
          "amount": 10.0,
          "memo": "{{OrderId}}",
          "order_id": "{{OrderId}}",
          "created_at": "2025-05-27T22:47:02Z",
          "livemode": false
        }
        """;

    public const string PaymentList = "{\n  \"object\": \"list\",\n  \"data\": [\n" + Payment + "\n  ],\n  \"has_more\": false\n}";

    public const string CreditBalance = """
        {
          "available": 42,
          "used": 8,
          "livemode": false
        }
        """;

    public const string SandboxPayOrderRequest = $$"""
        {
          "order_id": "{{OrderId}}"
        }
        """;

    public const string SandboxPayAnyRequest = $$"""
        {
          "to": "{{TestWallet}}",
          "amount": 10.0,
          "memo": "{{OrderId}}"
        }
        """;

    public const string SandboxPayment = $$"""
        {
          "payment_id": "17",
          "transaction_hash": "b6f1c3d2a9e8475f0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b",
          "ledger": 1042,
          "from": "{{TestWallet}}",
          "to": "{{TestWallet}}",
          "amount": 10.0,
          "memo": "{{OrderId}}",
          "order_id": "{{OrderId}}",
          "created_at": "2025-05-27T22:47:02Z",
          "livemode": false
        }
        """;

    /// <summary>The product docs' error sample, in the shape Flux sends for this code.</summary>
    public static JsonNode Error(ApiErrorDoc error) => new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = error.Code,
            ["message"] = error.ExampleMessage,
            ["docs_url"] = $"{ApiHost}/docs/errors#{error.Code}",
            ["param"] = error.ExampleParam,
            ["request_id"] = RequestId,
        },
    };

    public static string ErrorJson(ApiErrorDoc error) => Error(error).ToJsonString(Indented);

    // Shown on a web page (HTML-encoded there), so apostrophes stay apostrophes.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The product docs' "Handling Errors" sample, verbatim.</summary>
    public const string HandlingErrors = """
        try {
          const payment = await flux.payments.create({
            amount: 10.0,
            currency: 'PI',
            description: 'Premium subscription'
          });
          // Handle successful payment
        } catch (error) {
          if (error.type === 'authentication_error') {
            console.error('Authentication failed:', error.message);
            // Handle authentication error
          } else if (error.type === 'invalid_request') {
            console.error('Invalid request:', error.message);
            // Handle invalid parameters
          } else if (error.type === 'rate_limit_exceeded') {
            console.error('Rate limit exceeded. Try again later.');
            // Implement backoff strategy
          } else {
            console.error('Unexpected error:', error.message);
            // Handle other errors
          }
        }
        """;
}
