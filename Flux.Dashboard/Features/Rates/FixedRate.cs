namespace Flux.Dashboard.Features.Rates;

/// <summary>
/// A merchant's own rate for a currency (Settings → Business): the price of one Pi, as of when the merchant set it. It is
/// a business setting, like the shop's name, so it serves both modes.
/// </summary>
public sealed class FixedRate
{
    public required string MerchantId { get; init; }
    public required string Currency { get; init; }
    public decimal Value { get; set; }
    public DateTimeOffset SetAt { get; set; }

    public ExchangeRate ToRate() => new(Currency, Value, RateSource.Fixed, SetAt);
}

/// <summary>The operator's rate provider's last answer for a currency: the price of one Pi when it was fetched.</summary>
public sealed class ProviderRate
{
    public required string Currency { get; init; }
    public decimal Value { get; set; }
    public DateTimeOffset FetchedAt { get; set; }

    public ExchangeRate ToRate() => new(Currency, Value, RateSource.Provider, FetchedAt);
}
