using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Overview;

public sealed record OverviewFigures(int ConfirmedToday, decimal PiReceivedToday, IReadOnlyList<(DateOnly Day, int Confirmed)> Last30Days);

/// <summary>The overview's figures for one merchant scope, by the merchant's day (their time zone).</summary>
public sealed class OverviewQuery(IDbContextFactory<FluxDbContext> dbFactory, TimeProvider clock)
{
    public const int Days = 30;

    public async Task<OverviewFigures> GetAsync(MerchantScope scope, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var today = DisplayTime.Day(clock.GetUtcNow(), zone);
        var since = DisplayTime.StartOf(today.AddDays(1 - Days), zone);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var confirmed = await db.Set<Order>().AsNoTracking()
            .Where(o => o.MerchantId == scope.MerchantId && o.Livemode == scope.Livemode && o.ConfirmedAt >= since)
            .Select(o => new { o.ConfirmedAt, o.AmountReceived })
            .ToListAsync(cancellationToken);

        var byDay = confirmed.GroupBy(o => DisplayTime.Day(o.ConfirmedAt!.Value, zone)).ToDictionary(g => g.Key, g => g.ToList());
        var series = Enumerable.Range(0, Days).Select(i => today.AddDays(i - Days + 1))
            .Select(day => (day, byDay.TryGetValue(day, out var orders) ? orders.Count : 0)).ToList();
        var todays = byDay.GetValueOrDefault(today) ?? [];
        return new OverviewFigures(todays.Count, todays.Sum(o => o.AmountReceived), series);
    }
}
