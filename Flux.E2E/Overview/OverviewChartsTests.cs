using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Tests.Support;
using Flux.E2E.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.Overview;

[Collection(BrowserCollection.Name)]
public sealed class OverviewChartsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task The_charts_use_their_cards_width_and_an_axis_fitted_to_the_data() => InBrowserAsync(async page =>
    {
        var email = NewEmail("charts");
        var merchantId = await App.CreateMerchantAsync(email);
        await using (var services = App.Services.CreateAsyncScope())
            await services.ServiceProvider.GetRequiredService<SampleData>().AddAsync(merchantId);
        // The sample data is test-mode data.
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync())
            await db.Users.Where(m => m.Id == merchantId).ExecuteUpdateAsync(s => s.SetProperty(m => m.TestMode, true));

        await SignInAsync(page, email, SignIn.Password);
        await WaitForDashboardAsync(page);
        var chart = page.GetByTestId("confirmations-chart").Locator("svg").First;
        await Expect(chart).ToBeVisibleAsync();

        var card = (await page.GetByTestId("confirmations-chart").BoundingBoxAsync())!;
        var drawn = (await chart.BoundingBoxAsync())!;
        Assert.True(drawn.Width >= card.Width * 0.95, $"The chart is {drawn.Width} px wide in a {card.Width} px card.");
        // The sample data confirms five orders today: the axis ends at 5 in steps of 1, not at MudBlazor's default 20.
        var labels = await chart.Locator("text").AllTextContentsAsync();
        Assert.Contains("5", labels.Select(l => l.Trim()));
        Assert.DoesNotContain("20", labels.Select(l => l.Trim()));
    });
}
