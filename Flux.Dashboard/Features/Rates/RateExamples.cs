namespace Flux.Dashboard.Features.Rates;

/// <summary>The API reference's example of an order priced in the merchant's currency.</summary>
public static class RateExamples
{
    public const string FiatOrderRequest = """
        {
          "amount": 4.99,
          "currency": "USD",
          "description": "Green tea, 100 g"
        }
        """;
}
