using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Rates;

/// <summary>The operator's rate provider's last answers, as <see cref="RateProviderPoll"/> saved them.</summary>
public sealed class ProviderRates(IDbContextFactory<FluxDbContext> dbFactory) : IRateSource
{
    public async Task<ExchangeRate?> FindAsync(string merchantId, string currency, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rate = await db.Set<ProviderRate>().AsNoTracking().SingleOrDefaultAsync(r => r.Currency == currency, cancellationToken);
        return rate?.ToRate();
    }

    public async Task<IReadOnlyList<string>> CurrenciesAsync(string merchantId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ProviderRate>().AsNoTracking().Select(r => r.Currency).ToListAsync(cancellationToken);
    }
}
