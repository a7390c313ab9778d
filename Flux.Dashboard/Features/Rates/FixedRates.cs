using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Rates;

/// <summary>The merchants' own rates: a rate source that is always available, and what Settings → Business edits.</summary>
public sealed class FixedRates(IDbContextFactory<FluxDbContext> dbFactory, TimeProvider clock) : IRateSource
{
    public async Task<ExchangeRate?> FindAsync(string merchantId, string currency, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rate = await db.Set<FixedRate>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.MerchantId == merchantId && r.Currency == currency, cancellationToken);
        return rate?.ToRate();
    }

    public async Task<IReadOnlyList<string>> CurrenciesAsync(string merchantId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<FixedRate>().AsNoTracking().Where(r => r.MerchantId == merchantId).Select(r => r.Currency).ToListAsync(cancellationToken);
    }

    /// <summary>The merchant's rates, by currency.</summary>
    public async Task<IReadOnlyList<ExchangeRate>> ListAsync(string merchantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rates = await db.Set<FixedRate>().AsNoTracking().Where(r => r.MerchantId == merchantId).ToListAsync(cancellationToken);
        return rates.OrderBy(r => r.Currency, StringComparer.Ordinal).Select(r => r.ToRate()).ToList();
    }

    /// <summary>Sets (or replaces) the merchant's rate for a currency, dated now.</summary>
    /// <returns>The field errors (<c>currency</c>, <c>value</c>); nothing is saved unless there are none.</returns>
    public async Task<IReadOnlyList<FieldError>> SetAsync(string merchantId, string? currency, decimal? value, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var code = PriceRules.CurrencyCode(currency);
        if (code is null)
            errors.Add(new("currency", "Enter a three-letter currency code such as USD or EUR."));
        if (PriceRules.RateError(value) is { } rateError)
            errors.Add(new("value", rateError));
        if (errors.Count > 0)
            return errors;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rate = await db.Set<FixedRate>().SingleOrDefaultAsync(r => r.MerchantId == merchantId && r.Currency == code, cancellationToken);
        if (rate is null)
            db.Add(rate = new FixedRate { MerchantId = merchantId, Currency = code! });
        rate.Value = value!.Value;
        rate.SetAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    public async Task RemoveAsync(string merchantId, string currency, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<FixedRate>().Where(r => r.MerchantId == merchantId && r.Currency == currency).ExecuteDeleteAsync(cancellationToken);
    }
}
