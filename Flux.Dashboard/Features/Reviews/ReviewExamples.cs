using Flux.Dashboard.Api.Docs;

namespace Flux.Dashboard.Features.Reviews;

/// <summary>Examples of the reviews API for the API reference; the request is the product docs' "Request a Review".</summary>
public static class ReviewExamples
{
    /// <summary>The product docs' "Request a Review" body, verbatim.</summary>
    public const string SeedRequest = """
        {
        "order_id": "order_12345",
        "product_name": "Premium Subscription"
        }
        """;

    public const string Request = $$"""
        {
          "order_id": "{{SeedExamples.OrderId}}",
          "product_name": "Premium Subscription"
        }
        """;

    private const string Badge = """
        {
            "transaction_hash": "3389e9f0f1a65f19736cacf544c2e825313e8447f569233bb8db39aa607c8889",
            "paid_at": "2025-05-27T22:47:02Z",
            "explorer_url": "https://blockexplorer.minepi.com/mainnet/transactions/3389e9f0f1a65f19736cacf544c2e825313e8447f569233bb8db39aa607c8889"
          }
        """;

    public const string Created = $$"""
        {
          "review_request_id": "rvr_4eC39HqLyjWDarjtT1zd",
          "review_url": "{{SeedExamples.ApiHost}}/r/q2Xb0m1K3m6kq3C0y4kP9yX3Dq0tS1jv7n3mY8f2w5E",
          "order_id": "{{SeedExamples.OrderId}}",
          "product_name": "Premium Subscription",
          "status": "requested",
          "created_at": "2025-05-28T09:12:40Z",
          "expires_at": "2025-06-27T09:12:40Z",
          "submitted_at": null,
          "review": null,
          "livemode": false
        }
        """;

    /// <summary>A request whose customer wrote the review, as reads and lists show it.</summary>
    public const string Submitted = $$"""
        {
          "review_request_id": "rvr_4eC39HqLyjWDarjtT1zd",
          "review_url": null,
          "order_id": "{{SeedExamples.OrderId}}",
          "product_name": "Premium Subscription",
          "status": "submitted",
          "created_at": "2025-05-28T09:12:40Z",
          "expires_at": "2025-06-27T09:12:40Z",
          "submitted_at": "2025-05-28T10:02:11Z",
          "review": {
            "review_id": "rev_9Lq2Wm4Zt8Kc1Vb7Nx3P",
            "order_id": "{{SeedExamples.OrderId}}",
            "product_name": "Premium Subscription",
            "rating": 5,
            "title": "Worth every Pi",
            "text": "Paid in seconds, access at once.",
            "display_name": "Ada",
            "hidden": false,
            "created_at": "2025-05-28T10:02:11Z",
            "verified_purchase": {{Badge}}
          },
          "livemode": false
        }
        """;

    public const string List = "{\n  \"object\": \"list\",\n  \"data\": [\n" + Submitted + "\n  ],\n  \"has_more\": false\n}";

    public const string PublicList = $$"""
        {
          "object": "list",
          "merchant_name": "shop.example",
          "average_rating": 5.0,
          "review_count": 1,
          "data": [
            {
              "review_id": "rev_9Lq2Wm4Zt8Kc1Vb7Nx3P",
              "product_name": "Premium Subscription",
              "rating": 5,
              "title": "Worth every Pi",
              "text": "Paid in seconds, access at once.",
              "display_name": "Ada",
              "created_at": "2025-05-28T10:02:11Z",
              "verified_purchase": {{Badge}}
            }
          ],
          "livemode": false
        }
        """;
}
