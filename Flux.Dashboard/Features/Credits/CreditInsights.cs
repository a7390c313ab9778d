using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Credits;

/// <summary>Credits spent per day (oldest first) and the balance at the end of each day, for the burn chart.</summary>
public sealed record CreditBurn(IReadOnlyList<DateOnly> Days, IReadOnlyList<int> Spent, IReadOnlyList<int> BalanceAtEnd, CreditForecast Forecast);

/// <summary>The credit forecast, the burn chart's figures and the low-balance threshold of a scope.</summary>
public sealed class CreditInsights(IDbContextFactory<FluxDbContext> dbFactory, CreditService credits, TimeProvider clock)
{
    /// <summary>The last <see cref="CreditForecast.WindowDays"/> days of the merchant's calendar (their time zone), today last.</summary>
    public async Task<CreditBurn> BurnAsync(MerchantScope scope, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var balance = await credits.BalanceAsync(scope, cancellationToken);
        var today = DisplayTime.Day(clock.GetUtcNow(), zone);
        var first = today.AddDays(1 - CreditForecast.WindowDays);
        var since = DisplayTime.StartOf(first, zone);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lines = await db.Set<CreditEntry>().AsNoTracking()
            .Where(e => e.MerchantId == scope.MerchantId && e.Livemode == scope.Livemode && e.CreatedAt >= since)
            .Select(e => new { e.Delta, e.Reason, e.CreatedAt })
            .ToListAsync(cancellationToken);

        var days = Enumerable.Range(0, CreditForecast.WindowDays).Select(i => first.AddDays(i)).ToList();
        var spent = days.Select(d => -lines.Where(e => e.Reason == CreditReason.Order && DisplayTime.Day(e.CreatedAt, zone) == d).Sum(e => e.Delta)).ToList();
        var balances = days.Select(d => balance - lines.Where(e => DisplayTime.Day(e.CreatedAt, zone) > d).Sum(e => e.Delta)).ToList();
        return new(days, spent, balances, CreditForecast.Of(balance, spent.Sum()));
    }

    public async Task<int> ThresholdAsync(MerchantScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CreditBook.LowBalanceThresholdAsync(db, scope.MerchantId, scope.Livemode, cancellationToken);
    }

    /// <returns>An error message, or null when the threshold was saved.</returns>
    public async Task<string?> SetThresholdAsync(MerchantScope scope, int threshold, CancellationToken cancellationToken = default)
    {
        if (threshold is < 0 or > LowBalanceSetting.MaxThreshold)
            return $"Choose a threshold from 0 (no alert) to {LowBalanceSetting.MaxThreshold:N0} credits.";
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var setting = await db.Set<LowBalanceSetting>().FindAsync([scope.MerchantId, scope.Livemode], cancellationToken);
        if (setting is null)
            db.Add(new LowBalanceSetting { MerchantId = scope.MerchantId, Livemode = scope.Livemode, Threshold = threshold });
        else
            setting.Threshold = threshold;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The balance and threshold when the balance is below the threshold (the banner shows), else null.</summary>
    public async Task<(int Balance, int Threshold)?> LowAsync(MerchantScope scope, CancellationToken cancellationToken = default)
    {
        var balance = await credits.BalanceAsync(scope, cancellationToken);
        var threshold = await ThresholdAsync(scope, cancellationToken);
        return balance < threshold ? (balance, threshold) : null;
    }
}
