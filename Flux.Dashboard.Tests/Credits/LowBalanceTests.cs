using System.Text.Json;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Credits;

[Collection(FluxAppCollection.Name)]
public sealed class LowBalanceTests(FluxAppFactory app)
{
    [Fact]
    public async Task Credits_low_fires_exactly_once_per_crossing_under_concurrent_confirmations_and_re_arms_after_a_refill()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: true);
        var orders = app.Services.GetRequiredService<OrderService>();
        var credits = app.Services.GetRequiredService<CreditService>();
        var sink = app.Services.GetRequiredService<IPaymentSink>();
        await credits.AddAsync(scope, 40, CreditReason.Grant, "test grant");

        await PayConcurrentlyAsync(await CreateOrdersAsync(orders, scope, 30), sink);

        Assert.Equal(10, await credits.BalanceAsync(scope));
        var first = Assert.Single(await app.EventsAsync(scope, CreditsLow.Type));
        using (var data = JsonDocument.Parse(first.Data))
        {
            Assert.Equal(LowBalanceSetting.DefaultThreshold - 1, data.RootElement.GetProperty("credits_remaining").GetInt32());
            Assert.Equal(LowBalanceSetting.DefaultThreshold, data.RootElement.GetProperty("threshold").GetInt32());
        }

        await credits.AddAsync(scope, 30, CreditReason.Grant, "back above the threshold");
        await PayConcurrentlyAsync(await CreateOrdersAsync(orders, scope, 25), sink);

        Assert.Equal(15, await credits.BalanceAsync(scope));
        Assert.Equal(2, (await app.EventsAsync(scope, CreditsLow.Type)).Count);
    }

    [Fact]
    public async Task The_threshold_is_per_merchant_and_zero_turns_the_alert_off()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: true);
        var insights = app.Services.GetRequiredService<CreditInsights>();
        var credits = app.Services.GetRequiredService<CreditService>();
        await credits.AddAsync(scope, 5, CreditReason.Grant, "test grant");

        Assert.Equal(LowBalanceSetting.DefaultThreshold, await insights.ThresholdAsync(scope));
        Assert.Equal((5, 20), await insights.LowAsync(scope));
        Assert.NotNull(await insights.SetThresholdAsync(scope, -1));

        Assert.Null(await insights.SetThresholdAsync(scope, 0));
        await PayConcurrentlyAsync(await CreateOrdersAsync(app.Services.GetRequiredService<OrderService>(), scope, 5), app.Services.GetRequiredService<IPaymentSink>());

        Assert.Null(await insights.LowAsync(scope));
        Assert.Empty(await app.EventsAsync(scope, CreditsLow.Type));
    }

    [Fact]
    public async Task A_low_credit_event_sends_one_mail()
    {
        var email = $"low-{Guid.NewGuid():N}@shop.test";
        var scope = new Flux.Dashboard.Features.Accounts.MerchantScope(await app.CreateMerchantAsync(email), Livemode: true);
        await app.AddWalletAsync(scope);
        var credits = app.Services.GetRequiredService<CreditService>();
        await credits.AddAsync(scope, 21, CreditReason.Grant, "test grant");

        await PayConcurrentlyAsync(await CreateOrdersAsync(app.Services.GetRequiredService<OrderService>(), scope, 3), app.Services.GetRequiredService<IPaymentSink>());

        var mailFolder = Path.Combine(app.DataFolder, "mail");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !(Directory.Exists(mailFolder) && Directory.GetFiles(mailFolder).Any(f => File.ReadAllText(f).Contains(email))))
            await Task.Delay(200);
        // Mails come one per credits.low event: one event for the crossing is one mail.
        Assert.Single(await app.EventsAsync(scope, CreditsLow.Type));
        var mail = Assert.Single(Directory.GetFiles(mailFolder), f => File.ReadAllText(f).Contains(email));
        Assert.Contains("running low (19 left)", File.ReadAllText(mail));
    }

    private static async Task<List<Order>> CreateOrdersAsync(OrderService orders, Flux.Dashboard.Features.Accounts.MerchantScope scope, int count)
    {
        var created = new List<Order>();
        for (var i = 0; i < count; i++)
            created.Add((await orders.CreateAsync(scope, new CreateOrderRequest(1m + i, $"order {i}"))).Value!);
        return created;
    }

    /// <summary>Each payment reaches the sink twice at the same moment, as the stream and catch-up may deliver it.</summary>
    private static Task PayConcurrentlyAsync(List<Order> orders, IPaymentSink sink) =>
        Task.WhenAll(orders.Select(o => OrderFixtures.PaymentFor(o, o.Amount))
            .SelectMany(p => new[] { Task.Run(() => sink.HandleAsync(p, CancellationToken.None)), Task.Run(() => sink.HandleAsync(p, CancellationToken.None)) }));
}
