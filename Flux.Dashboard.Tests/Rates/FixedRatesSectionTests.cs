using Bunit;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Rates;

/// <summary>Settings → Business → Prices in your currency: the merchant fixes, sees (with its date) and removes a rate.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class FixedRatesSectionTests : DashboardComponentTest
{
    private readonly FluxAppFactory app;

    public FixedRatesSectionTests(FluxAppFactory app)
    {
        this.app = app;
        Services.AddSingleton(app.Services.GetRequiredService<FixedRates>());
    }

    [Fact]
    public async Task A_rate_is_checked_then_set_listed_with_its_date_and_removed()
    {
        var scope = new MerchantScope(await app.CreateMerchantAsync($"rates-{Guid.NewGuid():N}@shop.test"), false);
        var section = Render<CascadingValue<MerchantScope>>(p => p.Add(c => c.Value, scope).AddChildContent<FixedRatesSection>());

        section.Find("input[data-testid='fixed-rate-currency']").Change("euro");
        section.Find("input[data-testid='fixed-rate-value']").Change("0.4");
        section.Find("button[data-testid='fixed-rate-save']").Click();
        section.WaitForAssertion(() => Assert.Contains("Enter a three-letter currency code such as USD or EUR.", section.Markup));
        Assert.Empty(await Rates.ListAsync(scope.MerchantId));

        section.Find("input[data-testid='fixed-rate-currency']").Change("eur");
        section.Find("button[data-testid='fixed-rate-save']").Click();
        section.WaitForAssertion(() => Assert.Single(section.FindAll("[data-testid='fixed-rate']")));

        var listed = section.Find("[data-testid='fixed-rate']");
        Assert.Contains("1 Pi = 0.4 EUR", listed.TextContent);
        Assert.Contains("set", listed.TextContent);
        Assert.NotNull(listed.QuerySelector("time"));
        Assert.Equal(0.4m, Assert.Single(await Rates.ListAsync(scope.MerchantId)).Value);

        section.Find("button[data-testid='fixed-rate-remove']").Click();
        section.WaitForAssertion(() => Assert.Empty(section.FindAll("[data-testid='fixed-rate']")));
        Assert.Empty(await Rates.ListAsync(scope.MerchantId));
    }

    private FixedRates Rates => app.Services.GetRequiredService<FixedRates>();
}
