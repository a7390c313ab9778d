using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Overview;

public sealed record OverviewFigures(int ConfirmedToday, decimal PiReceivedToday, IReadOnlyList<(DateOnly Day, int Confirmed)> Last30Days);

/// <summary>The overview's figures for one merchant scope, by UTC day.</summary>
public sealed class OverviewQuery(IDbContextFactory<FluxDbContext> dbFactory, TimeProvider clock)
{
    public const int Days = 30;

    public async Task<OverviewFigures> GetAsync(MerchantScope scope, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var since = new DateTimeOffset(today.AddDays(1 - Days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var confirmed = await db.Set<Order>().AsNoTracking()
            .Where(o => o.MerchantId == scope.MerchantId && o.Livemode == scope.Livemode && o.ConfirmedAt >= since)
            .Select(o => new { o.ConfirmedAt, o.AmountReceived })
            .ToListAsync(cancellationToken);

        var byDay = confirmed.GroupBy(o => DateOnly.FromDateTime(o.ConfirmedAt!.Value.UtcDateTime)).ToDictionary(g => g.Key, g => g.ToList());
        var series = Enumerable.Range(0, Days).Select(i => today.AddDays(i - Days + 1))
            .Select(day => (day, byDay.TryGetValue(day, out var orders) ? orders.Count : 0)).ToList();
        var todays = byDay.GetValueOrDefault(today) ?? [];
        return new OverviewFigures(todays.Count, todays.Sum(o => o.AmountReceived), series);
    }
}
