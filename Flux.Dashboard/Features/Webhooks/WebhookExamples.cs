namespace Flux.Dashboard.Features.Webhooks;

/// <summary>Examples for the webhook endpoints in the API reference.</summary>
internal static class WebhookExamples
{
    public const string Create = """
        {
          "url": "https://shop.example/flux/webhooks",
          "enabled_events": ["order.confirmed", "credit.used"],
          "description": "Order fulfilment"
        }
        """;

    public const string Update = """
        {
          "url": "https://shop.example/flux/events",
          "enabled_events": ["order.confirmed", "order.expired", "refund.succeeded"]
        }
        """;

    public const string Enable = """
        { "disabled": false }
        """;

    private const string EndpointFields = """
          "object": "webhook_endpoint",
          "id": "we_5kQm2ZxT8rWc4LpN9vBd",
          "url": "https://shop.example/flux/webhooks",
          "enabled_events": ["order.confirmed", "credit.used"],
          "status": "enabled",
          "description": "Order fulfilment",
          "livemode": false,
          "created_at": "2026-11-25T16:00:00Z"
        """;

    public const string Created = "{\n" + EndpointFields + ",\n  \"secret\": \"whsec_3fT9qLmZ2xWc8R7nVb4Kd1sYp6Hj0GaE\"\n}";

    public const string Endpoint = "{\n" + EndpointFields + "\n}";

    public const string List = "{\n  \"object\": \"list\",\n  \"data\": [\n  {\n" + EndpointFields + "\n  }\n  ],\n  \"has_more\": false\n}";

    public const string Deleted = """
        { "object": "webhook_endpoint", "id": "we_5kQm2ZxT8rWc4LpN9vBd", "deleted": true }
        """;
}
