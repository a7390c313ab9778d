using Bunit;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Flux.Dashboard.Tests.Wallets;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Flux.Dashboard.Features.Payments;

namespace Flux.Dashboard.Tests.Events;

/// <summary>The Developers → Events tab rendered with bUnit, on the running app's outbox, bus and sandbox.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class EventsSectionTests : DashboardComponentTest
{
    // 28 bytes: the longest text memo a payment can carry.
    private const string HtmlMemo = "<img src=x onerror=alert(1)>";

    private readonly FluxAppFactory app;
    private readonly IServiceScope appServices;

    public EventsSectionTests(FluxAppFactory app)
    {
        this.app = app;
        appServices = app.Services.CreateScope();
        Services.AddSingleton(app.Services.GetRequiredService<EventQueries>());
        Services.AddSingleton(app.Services.GetRequiredService<EventBus>());
    }

    [Fact]
    public async Task A_new_event_appears_live_and_its_JSON_shows_as_text()
    {
        var scope = await app.NewMerchantAsync();
        var wallet = TestAddresses.Random();
        Assert.True((await appServices.ServiceProvider.GetRequiredService<WalletService>().AddAsync(scope, wallet, "Shop")).Succeeded);
        var section = Render<EventsSection>(p => p.AddCascadingValue(scope));
        section.WaitForElement("[data-testid='empty-state']");

        var paid = await app.Services.GetRequiredService<SandboxLedger>()
            .SimulatePaymentAsync(new(SandboxTestWallet.Address, wallet, 4m, HtmlMemo));
        Assert.True(paid.Succeeded);

        var row = section.WaitForElement("[data-testid='event-row']", TimeSpan.FromSeconds(20));
        Assert.Contains(PaymentUnmatched.Type, row.TextContent);
        row.Click();
        var json = section.WaitForElement("[data-testid='event-json']");
        Assert.Contains($"\"memo\": \"{HtmlMemo}\"", json.TextContent);
        Assert.Contains(row.GetAttribute("data-event-id")!, json.TextContent);
        Assert.Empty(section.FindAll("[data-testid='event-json'] img"));
        Assert.DoesNotContain("<img src=x", section.Markup);
    }

    [Fact]
    public async Task Lists_the_scopes_recent_events_with_their_order_and_not_the_other_modes()
    {
        var scope = await app.NewMerchantAsync();
        var live = scope with { Livemode = true };
        var orders = app.Services.GetRequiredService<OrderService>();
        var testWallet = await app.AddUnwatchedWalletAsync(scope);
        var liveWallet = await app.AddUnwatchedWalletAsync(live);
        var order = (await orders.CreateAsync(scope, new CreateOrderRequest(2m, null, WalletAddress: testWallet))).Value!;
        await orders.CreateAsync(live, new CreateOrderRequest(3m, null, WalletAddress: liveWallet));

        var section = Render<EventsSection>(p => p.AddCascadingValue(scope));

        var row = section.WaitForElement("[data-testid='event-row']");
        Assert.Single(section.FindAll("[data-testid='event-row']"));
        Assert.Contains(OrderCreated.Type, row.TextContent);
        Assert.Equal($"orders/{order.Id}", row.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_type_filter_keeps_one_type_and_live_events_of_others_stay_out()
    {
        var scope = await app.NewMerchantAsync();
        var orders = app.Services.GetRequiredService<OrderService>();
        var wallet = await app.AddUnwatchedWalletAsync(scope);
        var canceled = (await orders.CreateAsync(scope, new CreateOrderRequest(2m, null, WalletAddress: wallet))).Value!;
        await orders.CancelAsync(scope, canceled.Id);
        var popovers = Render<MudPopoverProvider>();
        var section = Render<EventsSection>(p => p.AddCascadingValue(scope));
        section.WaitForAssertion(() => Assert.Equal(2, section.FindAll("[data-testid='event-row']").Count));

        section.Find("div.mud-input-control.mud-select").MouseDown();
        popovers.ClickListItem(OrderCanceled.Type);
        section.WaitForAssertion(() => Assert.Single(section.FindAll("[data-testid='event-row']")));
        var filteredOut = (await orders.CreateAsync(scope, new CreateOrderRequest(3m, null, WalletAddress: wallet))).Value!;
        await orders.CancelAsync(scope, filteredOut.Id);

        // The section takes events in order: once the later order.canceled shows, the order.created before it was turned away.
        section.WaitForAssertion(() => Assert.Equal(2, section.FindAll("[data-testid='event-row']").Count), TimeSpan.FromSeconds(10));
        Assert.All(section.FindAll("[data-testid='event-row']"), row => Assert.Contains(OrderCanceled.Type, row.TextContent));
    }

    protected override ValueTask OnDisposedAsync()
    {
        appServices.Dispose();
        return ValueTask.CompletedTask;
    }
}
