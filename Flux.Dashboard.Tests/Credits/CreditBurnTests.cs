using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Common;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Credits;

/// <summary>The burn chart's days are the merchant's calendar days: a spend counts on the day it was in their time zone.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class CreditBurnTests(FluxAppFactory app)
{
    [Fact]
    public async Task Spends_and_balances_fall_on_the_merchants_own_days_with_today_last()
    {
        var now = DateTimeOffset.UtcNow;
        // A zone far from UTC, so its days and UTC's days differ around its midnights, where it is not near midnight now
        // (today must have begun over a minute ago and not end during the test). Whatever the hour in UTC, some zone
        // 5 to 14 hours away has such a time (a daytime-only choice found none between 12:00 and 13:00 UTC).
        var zone = TimeZoneInfo.GetSystemTimeZones().First(z =>
            Math.Abs(z.GetUtcOffset(now).TotalHours) >= 5 && DisplayTime.Local(now, z).Hour is >= 1 and <= 22);
        var today = DisplayTime.Day(now, zone);
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var credits = app.Services.GetRequiredService<CreditService>();
        var sandboxStart = await credits.BalanceAsync(scope);
        await credits.AddAsync(scope, 10, CreditReason.Grant, "test grant");
        var sink = app.Services.GetRequiredService<IPaymentSink>();
        var orders = app.Services.GetRequiredService<OrderService>();
        var paid = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var order = (await orders.CreateAsync(scope, new CreateOrderRequest(1m + i, $"burn {i}"))).Value!;
            await sink.HandleAsync(OrderFixtures.PaymentFor(order, order.Amount), CancellationToken.None);
            paid.Add(order.Id);
        }

        var todayStarts = DisplayTime.StartOf(today, zone);
        await MoveAsync(scope.MerchantId, e => e.Reason == CreditReason.Grant, todayStarts.AddDays(-2).AddHours(12));
        await MoveAsync(scope.MerchantId, e => e.OrderId == paid[0], todayStarts.AddMinutes(-1));
        await MoveAsync(scope.MerchantId, e => e.OrderId == paid[1], todayStarts.AddMinutes(1));

        var burn = await app.Services.GetRequiredService<CreditInsights>().BurnAsync(scope, zone);

        Assert.Equal(CreditForecast.WindowDays, burn.Days.Count);
        Assert.Equal(today, burn.Days[^1]);
        Assert.Equal(today.AddDays(1 - CreditForecast.WindowDays), burn.Days[0]);
        Assert.Equal([0, 1, 2], burn.Spent.TakeLast(3));
        // The sandbox's starting credits arrived today, with the third spend.
        Assert.Equal([0, 10, 9, 7 + sandboxStart], burn.BalanceAtEnd.TakeLast(4));
        Assert.Equal(3, burn.Spent.Sum());
    }

    private async Task MoveAsync(string merchantId, System.Linq.Expressions.Expression<Func<CreditEntry, bool>> which, DateTimeOffset to)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Set<CreditEntry>().Where(e => e.MerchantId == merchantId).Where(which)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CreatedAt, to)));
    }
}
