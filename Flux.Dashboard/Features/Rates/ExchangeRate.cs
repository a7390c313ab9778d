namespace Flux.Dashboard.Features.Rates;

/// <summary>Where a rate comes from: the merchant's own fixed rate, or the operator's rate provider.</summary>
public enum RateSource { Fixed, Provider }

/// <summary>
/// The price of one Pi in <see cref="Currency"/> (<c>0.3255</c> USD), as exchanges quote Pi and as the merchant reads it,
/// known since <see cref="AsOf"/>.
/// </summary>
public sealed record ExchangeRate(string Currency, decimal Value, RateSource Source, DateTimeOffset AsOf);

/// <summary>One place rates come from (<see cref="FixedRates"/>, <see cref="ProviderRates"/>); null when it has none for the currency.</summary>
public interface IRateSource
{
    Task<ExchangeRate?> FindAsync(string merchantId, string currency, CancellationToken cancellationToken);

    /// <summary>Every currency it has a rate for, fresh or not, for the merchant's currency pickers.</summary>
    Task<IReadOnlyList<string>> CurrenciesAsync(string merchantId, CancellationToken cancellationToken);
}
