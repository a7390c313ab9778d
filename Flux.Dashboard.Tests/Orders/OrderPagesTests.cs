using System.Security.Claims;
using Bunit;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Flux.Dashboard.Tests.Orders;

/// <summary>
/// The Orders pages rendered by bUnit on the services of a running Flux, so a simulated payment travels the real path
/// (sandbox ledger → watcher → confirmation → event bus) and the page on screen must change without a reload.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class OrderPagesTests : DashboardComponentTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly FluxAppFactory app;
    private bool providersRendered;

    public OrderPagesTests(FluxAppFactory app)
    {
        this.app = app;
        Services.AddSingleton(app.Services.GetRequiredService<OrderService>());
        Services.AddSingleton(app.Services.GetRequiredService<OrderQueries>());
        Services.AddSingleton(app.Services.GetRequiredService<OrderPaymentSimulator>());
        Services.AddSingleton(app.Services.GetRequiredService<ConfirmationService>());
        Services.AddSingleton(app.Services.GetRequiredService<Flux.Dashboard.Features.Refunds.RefundService>());
        Services.AddSingleton(app.Services.GetRequiredService<EventBus>());
        Services.AddSingleton(app.Services.GetRequiredService<IOptions<ChainOptions>>());
        AddAuthorization().SetAuthorized("pages@flux.test").SetClaims(new Claim(ClaimTypes.NameIdentifier, "pages"));
    }

    private OrderService Orders => app.Services.GetRequiredService<OrderService>();

    [Fact]
    public async Task The_list_shows_each_order_with_its_status_and_the_row_turns_confirmed_live_when_paid()
    {
        var (scope, _) = await app.NewTestMerchantWithWatchedWalletAsync();
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(4.5m, "Live row"))).Value!;

        var page = RenderInScope<OrdersPage>(scope);
        page.WaitForAssertion(() => Assert.Equal(order.Id, page.Find("[data-testid='order-row']").TextContent.Trim()));
        Assert.Equal("pending_confirmation", StatusOf(page, "order-status", order.Id));
        Assert.Contains("4.5 Pi", page.Markup);
        Assert.Contains("/orders/export.csv", page.Find("[data-testid='export-csv']").GetAttribute("href"));

        var sent = await app.Services.GetRequiredService<OrderPaymentSimulator>().PayAsync(scope, order.Id, SimulatedPaymentKind.Full);

        Assert.True(sent.Succeeded, sent.Error?.Message);
        page.WaitForAssertion(() => Assert.Equal("confirmed", StatusOf(page, "order-status", order.Id)), Patience);
    }

    [Fact]
    public async Task Flipping_test_mode_reloads_the_list_with_the_other_modes_orders()
    {
        var (test, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var live = test with { Livemode = true };
        await app.AddWalletAsync(live);
        var testOrder = (await Orders.CreateAsync(test, new CreateOrderRequest(1m, null))).Value!;
        var liveOrder = (await Orders.CreateAsync(live, new CreateOrderRequest(2m, null))).Value!;
        RenderProviders();
        var page = Render<CascadingValue<MerchantScope>>(p => p.Add(c => c.Value, test).AddChildContent<OrdersPage>());
        page.WaitForAssertion(() => Assert.Equal(testOrder.Id, page.Find("[data-testid='order-row']").TextContent.Trim()));

        var shown = page.FindComponent<OrdersPage>().Instance;
        page.Render(p => p.Add(c => c.Value, live).AddChildContent<OrdersPage>());

        page.WaitForAssertion(() => Assert.Equal(liveOrder.Id, page.Find("[data-testid='order-row']").TextContent.Trim()));
        Assert.Single(page.FindAll("[data-testid='order-row']"));
        Assert.Same(shown, page.FindComponent<OrdersPage>().Instance);
    }

    [Fact]
    public async Task Status_tabs_count_the_orders_in_each_status_in_the_apis_words_and_narrow_the_list_to_one()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        await Orders.CreateAsync(scope, new CreateOrderRequest(1m, "Kept"));
        await Orders.CreateAsync(scope, new CreateOrderRequest(2m, "Also kept"));
        var canceled = (await Orders.CreateAsync(scope, new CreateOrderRequest(3m, "Dropped"))).Value!;
        await Orders.CancelAsync(scope, canceled.Id);

        var page = RenderInScope<OrdersPage>(scope);
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid='order-row']").Count));
        Assert.Equal("3", CountOnTab(page, "all"));
        Assert.Equal("2", CountOnTab(page, "pending_confirmation"));
        Assert.Equal("1", CountOnTab(page, "canceled"));
        Assert.Equal("0", CountOnTab(page, "confirmed"));
        Assert.StartsWith("Pending confirmation", Tab(page, "pending_confirmation").TextContent.Trim());

        Tab(page, "canceled").Click();

        page.WaitForAssertion(() => Assert.Equal(canceled.Id, Assert.Single(page.FindAll("[data-testid='order-row']")).TextContent.Trim()));
        Assert.Equal("true", Tab(page, "canceled").GetAttribute("aria-pressed"));
        Assert.Equal("false", Tab(page, "all").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task A_click_anywhere_on_a_row_opens_its_order()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(1m, "Row click"))).Value!;

        var page = RenderInScope<OrdersPage>(scope);
        page.WaitForElement("[data-testid='order-row']");
        page.Find("[data-testid='orders-grid'] tr.cursor-pointer").Click();

        // The grid hands the click on asynchronously.
        page.WaitForAssertion(() => Assert.EndsWith($"/orders/{order.Id}", Services.GetRequiredService<NavigationManager>().Uri));
    }

    [Fact]
    public async Task A_new_order_appears_in_the_empty_list_without_a_reload()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);

        var page = RenderInScope<OrdersPage>(scope);
        page.WaitForElement("[data-testid='empty-state']");
        Assert.Empty(page.FindAll("[data-testid='export-csv']"));
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(1m, null))).Value!;

        page.WaitForAssertion(() => Assert.Equal(order.Id, page.Find("[data-testid='order-row']").TextContent.Trim()), Patience);
    }

    [Fact]
    public async Task The_detail_page_of_an_order_priced_in_dollars_shows_the_price_and_the_rate_it_was_locked_at()
    {
        var (scope, _) = await app.NewTestMerchantWithWatchedWalletAsync();
        Assert.Empty(await app.Services.GetRequiredService<FixedRates>().SetAsync(scope.MerchantId, "USD", 0.325531m));
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(4.99m, "Green tea") { Currency = "usd" })).Value!;

        var page = RenderInScope<OrderDetailPage>(scope, order.Id);
        page.WaitForElement("[data-testid='order-price-value']");

        Assert.Equal("15.3288013 Pi", page.Find("[data-testid='order-amount-value']").TextContent.Trim());
        var price = page.Find("[data-testid='order-price-value']").TextContent;
        Assert.Contains("4.99 USD = 15.3288013 Pi", price);
        Assert.Contains("1 Pi = 0.325531 USD (your fixed rate)", price);
    }

    [Fact]
    public async Task The_detail_page_pays_a_test_order_by_simulation_and_follows_it_to_confirmed_on_its_timeline()
    {
        var (scope, _) = await app.NewTestMerchantWithWatchedWalletAsync();
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(8m, "Detail page"))).Value!;

        var page = RenderInScope<OrderDetailPage>(scope, order.Id);
        page.WaitForElement("[data-testid='simulate-full']");
        Assert.Equal("pending_confirmation", StatusOf(page, "order-detail-status", order.Id));
        // The link and QR code to send the customer, while the order waits for payment.
        Assert.Equal($"http://localhost/checkout/{order.Id}", page.Find("[data-testid='checkout-link']").TextContent.Trim());
        Assert.NotNull(page.Find("[data-testid='checkout-link-qr'] svg"));
        Assert.Equal(order.PayTo, page.Find("[data-testid='order-pay-to']").TextContent.Trim());
        Assert.Equal(order.Id, page.Find("[data-testid='order-memo']").TextContent.Trim());

        page.Find("button[data-testid='simulate-partial']").Click();
        page.WaitForAssertion(() => Assert.Equal("underpaid", StatusOf(page, "order-detail-status", order.Id)), Patience);
        page.Find("button[data-testid='simulate-full']").Click();
        page.WaitForAssertion(() => Assert.Equal("confirmed", StatusOf(page, "order-detail-status", order.Id)), Patience);

        var steps = page.FindAll("[data-testid='timeline'] [data-testid='timeline-entry']").Select(e => e.GetAttribute("data-step"));
        Assert.Equal(["Created", "PaymentSeen", "PaymentSeen", "Confirmed"], steps);
        var links = page.FindAll("[data-testid='timeline'] [data-testid='tx-link']");
        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.StartsWith("/sandbox/horizon/transactions/", l.GetAttribute("href")));
        Assert.Empty(page.FindAll("[data-testid='cancel-order']"));
        // A confirmed order takes no more simulated payments; its link now leads to the receipt, no code to scan.
        Assert.Empty(page.FindAll("[data-testid='simulate-panel']"));
        Assert.Empty(page.FindAll("[data-testid='checkout-link-qr']"));
        Assert.Single(page.FindAll("[data-testid='checkout-link']"));
    }

    [Fact]
    public async Task A_refused_simulation_stays_on_the_detail_page_until_the_merchant_dismisses_it()
    {
        // A wallet the watcher does not follow: the simulator refuses, as it would for any blocking reason.
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(8m, null))).Value!;
        var page = RenderInScope<OrderDetailPage>(scope, order.Id);

        page.WaitForElement("button[data-testid='simulate-full']").Click();

        var error = page.WaitForElement("[data-testid='simulate-error']", Patience);
        Assert.Contains("not watching the wallet", error.TextContent);
        Assert.Equal("alert", error.GetAttribute("role"));
        page.Render();
        Assert.Single(page.FindAll("[data-testid='simulate-error']"));
        page.Find("[data-testid='simulate-error'] button").Click();
        Assert.Empty(page.FindAll("[data-testid='simulate-error']"));
    }

    [Fact]
    public async Task Live_orders_offer_no_simulation_and_an_order_outside_the_scope_is_not_found()
    {
        var (live, _) = await app.NewMerchantWithWalletAsync(livemode: true);
        var order = (await Orders.CreateAsync(live, new CreateOrderRequest(8m, null))).Value!;

        var livePage = RenderInScope<OrderDetailPage>(live, order.Id);
        livePage.WaitForElement("[data-testid='order-detail-status']");
        var testModePage = RenderInScope<OrderDetailPage>(live with { Livemode = false }, order.Id);
        testModePage.WaitForElement("[data-testid='empty-state']");

        Assert.Empty(livePage.FindAll("[data-testid='simulate-panel']"));
        Assert.Single(livePage.FindAll("[data-testid='cancel-order']"));
        Assert.Contains("Order not found", testModePage.Markup);
    }

    [Fact]
    public async Task Cancel_cancels_a_pending_order_and_the_timeline_says_so()
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = (await Orders.CreateAsync(scope, new CreateOrderRequest(2m, null))).Value!;

        var page = RenderInScope<OrderDetailPage>(scope, order.Id);
        page.WaitForElement("button[data-testid='cancel-order']").Click();

        page.WaitForAssertion(() => Assert.Equal("canceled", StatusOf(page, "order-detail-status", order.Id)));
        Assert.Contains("Canceled", page.FindAll("[data-testid='timeline-entry']")[^1].TextContent);
        Assert.Empty(page.FindAll("[data-testid='cancel-order']"));
    }

    private static string? StatusOf(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string testId, string orderId) =>
        page.Find($"[data-testid='{testId}'][data-order-id='{orderId}']").GetAttribute("data-status");

    /// <summary>The page as MainLayout hosts it: popover, dialog and snackbar providers beside it, the scope cascading into it.</summary>
    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderInScope<TPage>(MerchantScope scope, string? id = null)
        where TPage : IComponent
    {
        RenderProviders();
        return Render(builder =>
        {
            builder.OpenComponent<CascadingValue<MerchantScope>>(0);
            builder.AddComponentParameter(1, nameof(CascadingValue<MerchantScope>.Value), scope);
            builder.AddComponentParameter(2, nameof(CascadingValue<MerchantScope>.ChildContent), (RenderFragment)(page =>
            {
                page.OpenComponent<TPage>(0);
                if (id is not null)
                    page.AddComponentParameter(1, "Id", id);
                page.CloseComponent();
            }));
            builder.CloseComponent();
        });
    }

    /// <summary>MudBlazor's providers, once per test: a second set would claim the same sections.</summary>
    private void RenderProviders()
    {
        if (providersRendered)
            return;
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
        });
        providersRendered = true;
    }


    private static AngleSharp.Dom.IElement Tab(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string status) =>
        page.Find($"[data-testid='status-tab'][data-status='{status}']");

    private static string CountOnTab(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string status) =>
        Tab(page, status).QuerySelector("[data-testid='status-count']")!.TextContent.Trim();
}
