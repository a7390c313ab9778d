using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Common;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Notifications;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Notifications;

/// <summary>Settings → Notifications decides which mails go out: each confirmed order, the daily summary, low credits.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class NotificationMailTests(FluxAppFactory app)
{
    private string MailFolder => Path.Combine(app.DataFolder, "mail");

    [Fact]
    public async Task A_merchant_who_chose_each_order_gets_one_mail_per_confirmed_order_and_one_who_turned_low_credits_off_gets_none()
    {
        var chooser = await LiveMerchantAsync(new() { MerchantId = "", EachConfirmedOrder = true, LowCredits = false });
        var bystander = await LiveMerchantAsync(choices: null);

        var chooserOrders = await PayOrdersAsync(chooser.Scope, 2);
        await PayOrdersAsync(bystander.Scope, 2);

        // The bystander's low-credit mail (on by default) shows the dispatch of both merchants' events has been mailed.
        await WaitForMailAsync(bystander.Email, "running low");
        await WaitForMailAsync(chooser.Email, "confirmed:", count: 2);
        await Task.Delay(1000);
        var chooserMails = MailsTo(chooser.Email);
        Assert.Equal(2, chooserMails.Count);
        foreach (var order in chooserOrders)
            Assert.Single(chooserMails, m => m.Contains($"Order {order.Id} confirmed: {PiFormat.Amount(order.Amount)} Pi received"));
        Assert.DoesNotContain(MailsTo(bystander.Email), m => m.Contains("confirmed:"));
    }

    [Fact]
    public async Task The_daily_summary_sums_up_yesterday_in_the_merchants_time_zone_once()
    {
        var now = DateTimeOffset.UtcNow;
        // A zone where it is midday now: its morning has come, and yesterday is a whole day away.
        var zone = TimeZoneInfo.GetSystemTimeZones().First(z => DisplayTime.Local(now, z).Hour == 12);
        var subscriber = await LiveMerchantAsync(new() { MerchantId = "", DailySummary = true }, zone.Id);
        var unsubscribed = await LiveMerchantAsync(choices: null, zone.Id);
        var yesterday = DisplayTime.Day(now, zone).AddDays(-1);
        var paid = await PayOrdersAsync(subscriber.Scope, 3);
        await PayOrdersAsync(unsubscribed.Scope, 1);
        await ConfirmedOnAsync(paid.Take(2), DisplayTime.StartOf(yesterday, zone).AddHours(23.5));

        var job = app.Services.GetRequiredService<DailySummaryMail>();
        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);

        var summary = Assert.Single(MailsTo(subscriber.Email), m => m.Contains("Your Flux day"));
        Assert.Contains($"Your Flux day, {yesterday:yyyy-MM-dd}: 2 orders confirmed, {PiFormat.Amount(paid[0].Amount + paid[1].Amount)} Pi", summary);
        Assert.DoesNotContain(MailsTo(unsubscribed.Email), m => m.Contains("Your Flux day"));
        Assert.Equal(yesterday, (await app.Services.GetRequiredService<NotificationChoices>().GetAsync(subscriber.Scope.MerchantId)).SummarySentFor);
    }

    private async Task<(MerchantScope Scope, string Email)> LiveMerchantAsync(NotificationSettings? choices, string? timeZone = null)
    {
        var email = $"notify-{Guid.NewGuid():N}@shop.test";
        var scope = new MerchantScope(await app.CreateMerchantAsync(email), Livemode: true);
        await app.AddWalletAsync(scope);
        await app.Services.GetRequiredService<CreditService>().AddAsync(scope, LowBalanceSetting.DefaultThreshold + 1, CreditReason.Grant, "test grant");
        if (choices is not null)
            await app.Services.GetRequiredService<NotificationChoices>().SaveAsync(scope.MerchantId, choices);
        if (timeZone is not null)
            await app.Services.GetRequiredService<Features.Settings.BusinessProfileService>()
                .SaveAsync(scope.MerchantId, new(null, null, null, timeZone));
        return (scope, email);
    }

    private async Task<List<Order>> PayOrdersAsync(MerchantScope scope, int count)
    {
        var orders = app.Services.GetRequiredService<OrderService>();
        var sink = app.Services.GetRequiredService<IPaymentSink>();
        var paid = new List<Order>();
        for (var i = 0; i < count; i++)
        {
            var order = (await orders.CreateAsync(scope, new CreateOrderRequest(1.5m + i, $"order {i}"))).Value!;
            await sink.HandleAsync(OrderFixtures.PaymentFor(order, order.Amount), CancellationToken.None);
            paid.Add(order);
        }
        return paid;
    }

    private async Task ConfirmedOnAsync(IEnumerable<Order> orders, DateTimeOffset at)
    {
        var ids = orders.Select(o => o.Id).ToList();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        Assert.Equal(ids.Count, await db.Set<Order>().Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.ConfirmedAt, at)));
    }

    private async Task WaitForMailAsync(string email, string text, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && MailsTo(email).Count(m => m.Contains(text)) < count)
            await Task.Delay(200);
        Assert.Equal(count, MailsTo(email).Count(m => m.Contains(text)));
    }

    private List<string> MailsTo(string email) => Directory.Exists(MailFolder)
        ? Directory.GetFiles(MailFolder).Select(File.ReadAllText).Where(m => m.Contains(email)).ToList()
        : [];
}
