using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Features.Rates;

/// <summary>A price in the merchant's currency locked into Pi: what the order keeps beside its Pi amount.</summary>
public sealed record LockedPrice(decimal Price, string Currency, decimal Pi, ExchangeRate Rate);

/// <summary>
/// Turns a price in the merchant's currency into Pi at the current rate: the merchant's fixed rate for the currency when
/// set (always available), else the operator's provider rate while it is younger than <see cref="RatesOptions.MaxAge"/>.
/// </summary>
public sealed class FiatPrices(IEnumerable<IRateSource> sources, RatesOptions options, TimeProvider clock)
{
    /// <summary>The locked price, or the field error (<c>currency</c> or <c>amount</c>) that refuses the order.</summary>
    public async Task<(LockedPrice? Price, FieldError? Error)> LockAsync(string merchantId, string? currency, decimal? price, CancellationToken cancellationToken)
    {
        if (PriceRules.CurrencyCode(currency) is not { } code)
            return (null, new("currency", $"The currency must be \"{OrderResource.PiCurrency}\" or a three-letter ISO 4217 code such as USD."));
        if (PriceRules.PriceError(price, code) is { } priceError)
            return (null, new("amount", priceError));

        var rate = await FindAsync(merchantId, code, cancellationToken);
        if (rate is null)
            return (null, new("currency", $"Flux has no {code} rate for your account: set a fixed rate for {code} in Settings → Business, or ask the operator for a rate provider."));
        var age = clock.GetUtcNow() - rate.AsOf;
        if (rate.Source == RateSource.Provider && age > options.MaxAge)
            return (null, new("currency", $"The {code} rate is {DisplayAge(age)} old, more than the {DisplayAge(options.MaxAge)} allowed: Flux does not lock a price on a stale rate. Try again later, or set a fixed rate for {code} in Settings → Business."));

        var pi = PriceRules.ToPi(price!.Value, rate.Value);
        if (OrderRules.AmountError(pi) is { } amountError)
            return (null, new("amount", $"{price.Value} {code} is {pi} Pi at the current rate. {amountError}"));
        return (new LockedPrice(price.Value, code, pi, rate), null);
    }

    /// <summary>The currencies the merchant can price in besides Pi: those of their fixed rates and the provider's, A to Z.</summary>
    public async Task<IReadOnlyList<string>> CurrenciesAsync(string merchantId, CancellationToken cancellationToken = default)
    {
        var currencies = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
            currencies.UnionWith(await source.CurrenciesAsync(merchantId, cancellationToken));
        return [.. currencies];
    }

    private async Task<ExchangeRate?> FindAsync(string merchantId, string currency, CancellationToken cancellationToken)
    {
        foreach (var source in sources)
            if (await source.FindAsync(merchantId, currency, cancellationToken) is { } rate)
                return rate;
        return null;
    }

    private static string DisplayAge(TimeSpan age) =>
        age.TotalMinutes >= 1 ? $"{(int)age.TotalMinutes} min" : $"{(int)age.TotalSeconds} s";
}
