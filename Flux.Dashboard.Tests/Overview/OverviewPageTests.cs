using System.Globalization;
using Bunit;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Overview;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Overview;

/// <summary>
/// The Overview page (plain markup in MudBlazor's classes) on the services of a running Flux: its figures come from the
/// merchant's data and follow a confirmation live, through the real payment path.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class OverviewPageTests : DashboardComponentTest
{
    private readonly FluxAppFactory app;

    public OverviewPageTests(FluxAppFactory app)
    {
        this.app = app;
        Services.AddSingleton(app.Services.GetRequiredService<OverviewQuery>());
        Services.AddSingleton(app.Services.GetRequiredService<CreditService>());
        Services.AddSingleton(app.Services.GetRequiredService<CreditInsights>());
        Services.AddSingleton(app.Services.GetRequiredService<EventBus>());
        Services.AddSingleton(app.Services.GetRequiredService<GetStartedQuery>());
    }

    [Fact]
    public async Task The_figures_show_the_merchants_day_and_a_confirmation_updates_them_without_a_reload()
    {
        var (scope, _) = await app.NewTestMerchantWithWatchedWalletAsync();
        var credits = app.Services.GetRequiredService<CreditService>();

        var page = Render<CascadingValue<MerchantScope>>(p => p.Add(c => c.Value, scope).AddChildContent<OverviewPage>());

        page.WaitForAssertion(() => Assert.Equal("0", Text(page, "confirmed-today")));
        Assert.Equal("0", Text(page, "pi-today"));
        Assert.Contains((await credits.BalanceAsync(scope)).ToString(CultureInfo.InvariantCulture), page.Find(".mud-grid").TextContent);
        Assert.Contains("No confirmed orders in the last 30 days in test mode.", page.Markup);
        Assert.False(string.IsNullOrWhiteSpace(Text(page, "credit-forecast")));
        Assert.Equal(3, page.FindAll(".mud-grid-item .mud-paper.mud-paper-outlined").Count);
        Assert.Equal("true", Step(page, "wallet").GetAttribute("data-done"));
        Assert.Equal("test-order", page.Find("[data-testid='get-started-next']").Closest("li")!.GetAttribute("data-step"));

        var order = (await app.Services.GetRequiredService<OrderService>().CreateAsync(scope, new CreateOrderRequest(4.5m, "Overview"))).Value!;
        var paid = await app.Services.GetRequiredService<OrderPaymentSimulator>().PayAsync(scope, order.Id, SimulatedPaymentKind.Full);

        Assert.True(paid.Succeeded, paid.Error?.Message);
        page.WaitForAssertion(() => Assert.Equal("1", Text(page, "confirmed-today")), TimeSpan.FromSeconds(10));
        Assert.Equal("4.5", Text(page, "pi-today"));
        Assert.DoesNotContain("No confirmed orders", page.Markup);
        // The checklist ticks itself from the same data: the order was created and its payment simulated.
        Assert.Equal("true", Step(page, "simulate").GetAttribute("data-done"));
        Assert.Equal("button", page.Find("[data-testid='get-started-next']").Closest("li")!.GetAttribute("data-step"));
        var balance = (await credits.BalanceAsync(scope)).ToString(CultureInfo.InvariantCulture);
        page.WaitForAssertion(() => Assert.Contains(balance, page.FindAll(".mud-grid-item .mud-typography-h4")[2].TextContent));
    }

    private static AngleSharp.Dom.IElement Step(IRenderedComponent<CascadingValue<MerchantScope>> page, string key) =>
        page.Find($"[data-testid='get-started-step'][data-step='{key}']");

    private static string Text(IRenderedComponent<CascadingValue<MerchantScope>> page, string testId) =>
        page.Find($"[data-testid='{testId}']").TextContent.Trim();
}
