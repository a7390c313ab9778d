using Bunit;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Notifications;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Notifications;

/// <summary>Settings → Notifications shows the merchant's choices (the defaults until they change one) and saves each switch at once.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class NotificationsSectionTests : DashboardComponentTest
{
    private readonly FluxAppFactory app;

    public NotificationsSectionTests(FluxAppFactory app)
    {
        this.app = app;
        Services.AddSingleton(app.Services.GetRequiredService<NotificationChoices>());
    }

    [Fact]
    public async Task A_new_merchant_sees_the_defaults_and_each_switch_saves_at_once()
    {
        var scope = new MerchantScope(await app.CreateMerchantAsync($"notify-{Guid.NewGuid():N}@shop.test"), false);
        var section = Render<CascadingValue<MerchantScope>>(p => p.Add(c => c.Value, scope).AddChildContent<NotificationsSection>());

        section.WaitForElement("input[data-testid='notify-low-credits']");
        Assert.True(section.Find("input[data-testid='notify-low-credits']").HasAttribute("checked"));
        Assert.True(section.Find("input[data-testid='notify-webhook-disabled']").HasAttribute("checked"));
        Assert.False(section.Find("input[data-testid='notify-each-order']").HasAttribute("checked"));
        Assert.False(section.Find("input[data-testid='notify-daily-summary']").HasAttribute("checked"));

        section.Find("input[data-testid='notify-each-order']").Change(true);
        section.Find("input[data-testid='notify-low-credits']").Change(false);

        var choices = app.Services.GetRequiredService<NotificationChoices>();
        await WaitForAsync(async () => await choices.GetAsync(scope.MerchantId) is { EachConfirmedOrder: true, LowCredits: false });
        var saved = await choices.GetAsync(scope.MerchantId);
        Assert.True(saved.WebhookDisabled);
        Assert.False(saved.DailySummary);
    }

    [Fact]
    public async Task Two_first_saves_at_once_both_land()
    {
        var merchantId = await app.CreateMerchantAsync($"notify-{Guid.NewGuid():N}@shop.test");
        var choices = app.Services.GetRequiredService<NotificationChoices>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            choices.SaveAsync(merchantId, new() { MerchantId = merchantId, DailySummary = true }))));

        Assert.True((await choices.GetAsync(merchantId)).DailySummary);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition() && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.True(await condition());
    }
}
