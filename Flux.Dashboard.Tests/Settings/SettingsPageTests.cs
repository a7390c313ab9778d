using Bunit;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Notifications;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Features.Settings;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Settings;

/// <summary>The Settings page inside the dashboard: the Business section prompts for the shop's name and saves it.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class SettingsPageTests : DashboardComponentTest
{
    private readonly FluxAppFactory app;
    private int layoutToldOfChanges;

    public SettingsPageTests(FluxAppFactory app)
    {
        this.app = app;
        Services.AddSingleton(app.Services.GetRequiredService<BusinessProfileService>());
        Services.AddSingleton(app.Services.GetRequiredService<FixedRates>());
        Services.AddSingleton(app.Services.GetRequiredService<NotificationChoices>());
        Services.AddScoped<MerchantPreferences>(_ =>
        {
            var preferences = ActivatorUtilities.CreateInstance<MerchantPreferences>(app.Services);
            preferences.Changed += () =>
            {
                layoutToldOfChanges++;
                return Task.CompletedTask;
            };
            return preferences;
        });
    }

    [Fact]
    public async Task Without_a_shop_name_the_business_section_asks_for_one_and_saving_it_clears_the_prompt_and_tells_the_layout()
    {
        var scope = new MerchantScope(await app.CreateMerchantAsync($"settings-{Guid.NewGuid():N}@shop.test"), false);
        var page = Render<CascadingValue<MerchantScope>>(p => p.Add(c => c.Value, scope).AddChildContent<SettingsPage>());

        page.WaitForElement("[data-testid='shop-name-prompt']");
        page.Find("input[data-testid='business-shop-name']").Change("Ada's Pies");
        page.Find("input[data-testid='business-support-email']").Change("not an address");
        page.Find("button[data-testid='business-save']").Click();

        page.WaitForAssertion(() => Assert.Contains("Enter an e-mail address customers can write to.", page.Markup));
        Assert.Null((await app.Services.GetRequiredService<BusinessProfileService>().GetAsync(scope.MerchantId)).ShopName);

        page.Find("input[data-testid='business-support-email']").Change("help@ada.example");
        page.Find("button[data-testid='business-save']").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid='shop-name-prompt']")));
        Assert.Equal("Ada's Pies", (await app.Services.GetRequiredService<BusinessProfileService>().GetAsync(scope.MerchantId)).ShopName);
        Assert.Equal(1, layoutToldOfChanges);
    }

    [Fact]
    public async Task The_business_section_saves_the_default_order_lifetime_and_refuses_one_over_a_week()
    {
        var scope = new MerchantScope(await app.CreateMerchantAsync($"lifetime-{Guid.NewGuid():N}@shop.test"), false);
        var profiles = app.Services.GetRequiredService<BusinessProfileService>();
        var page = Render<CascadingValue<MerchantScope>>(p => p.Add(c => c.Value, scope).AddChildContent<SettingsPage>());

        page.WaitForElement("input[data-testid='business-order-lifetime']").Change("20000");
        page.Find("button[data-testid='business-save']").Click();

        page.WaitForAssertion(() => Assert.Contains("An order waits from 1 minute to 7 days (10080 minutes).", page.Markup));
        Assert.Null((await profiles.GetAsync(scope.MerchantId)).OrderLifetimeMinutes);

        page.Find("input[data-testid='business-order-lifetime']").Change("120");
        page.Find("button[data-testid='business-save']").Click();

        // The field drops its error as soon as its value changes, before the save has run: the save has landed once the
        // button, disabled while saving, is enabled again.
        page.WaitForAssertion(() =>
        {
            Assert.DoesNotContain("10080 minutes).", page.Markup);
            Assert.False(page.Find("button[data-testid='business-save']").HasAttribute("disabled"));
        });
        Assert.Equal(120, (await profiles.GetAsync(scope.MerchantId)).OrderLifetimeMinutes);
    }
}
