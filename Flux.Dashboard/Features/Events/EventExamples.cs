namespace Flux.Dashboard.Features.Events;

/// <summary>Examples of events for the API reference.</summary>
public static class EventExamples
{
    public const string CreditUsed = """
        {
          "id": "evt_3kTqZ8bH1mWx0yVd7LcR9pAe",
          "object": "event",
          "type": "credit.used",
          "created_at": "2025-05-27T22:47:02Z",
          "livemode": false,
          "data": { "order_id": "ord_8f7sd6f876dsf", "credits_remaining": 41 }
        }
        """;

    public const string List = $$"""
        {
          "object": "list",
          "data": [{{CreditUsed}}],
          "has_more": false
        }
        """;
}
