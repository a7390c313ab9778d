using Bunit;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Checkout;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.PaymentLinks;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Flux.Dashboard.Tests.Wallets;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Flux.Dashboard.Tests.PaymentLinks;

/// <summary>The Payment links page and its QR poster rendered with bUnit, talking to the running app's services.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class PaymentLinksPageTests : DashboardComponentTest
{
    private readonly FluxAppFactory app;
    private readonly IServiceScope appServices;

    public PaymentLinksPageTests(FluxAppFactory app)
    {
        this.app = app;
        appServices = app.Services.CreateScope();
        Services.AddSingleton(app.Services.GetRequiredService<PaymentLinkService>());
        Services.AddSingleton(app.Services.GetRequiredService<OrderService>());
        Services.AddSingleton(app.Services.GetRequiredService<CheckoutShopQuery>());
        Services.AddSingleton(appServices.ServiceProvider.GetRequiredService<WalletService>());
    }

    private PaymentLinkService Links => app.Services.GetRequiredService<PaymentLinkService>();

    [Fact]
    public async Task Creates_a_link_lists_it_with_its_url_shows_its_orders_and_deactivates_it()
    {
        var scope = await app.NewMerchantAsync();
        await app.AddUnwatchedWalletAsync(scope);
        var page = RenderPage(scope);
        page.WaitForElement("[data-testid='empty-state']");

        page.Find("[data-testid='new-payment-link']").Click();
        page.WaitForElement("input[data-testid='payment-link-product']").Change("Flat white");
        page.Find("input[data-testid='payment-link-amount']").Change("2.5");
        page.Find("[data-testid='save-payment-link']").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='payment-link-row']")));
        var link = Assert.Single((await Links.ListAsync(scope, new(10)))!.Data);
        Assert.Equal("Flat white", link.ProductName);
        Assert.Equal(2.5m, link.Amount);
        Assert.Equal($"http://localhost/pay/{link.Id}", page.Find("[data-testid='payment-link-url']").TextContent);
        Assert.Equal("Active", page.Find("[data-testid='payment-link-status']").TextContent);

        var order = (await Links.CreateOrderAsync(link.Id, 1, null)).Value!;
        page.Find("[data-testid='payment-link-orders-toggle']").Click();
        page.WaitForAssertion(() => Assert.Contains(order.Id, page.Find("[data-testid='payment-link-orders']").TextContent));

        page.Find("[data-testid='deactivate-payment-link']").Click();
        page.WaitForAssertion(() => Assert.Equal("Deactivated", page.Find("[data-testid='payment-link-status']").TextContent));
        Assert.False((await Links.FindPublicAsync(link.Id))!.Active);
    }

    [Fact]
    public async Task The_form_shows_the_services_field_errors()
    {
        var scope = await app.NewMerchantAsync();
        await app.AddUnwatchedWalletAsync(scope);
        var page = RenderPage(scope);
        page.WaitForElement("[data-testid='empty-state']");

        page.Find("[data-testid='new-payment-link']").Click();
        page.WaitForElement("input[data-testid='payment-link-amount']").Change("1");
        page.Find("input[data-testid='payment-link-currency']").Input("DOLLAR");
        page.Find("[data-testid='save-payment-link']").Click();

        page.WaitForAssertion(() => Assert.Contains("Name the product", page.Markup));
        Assert.Contains("ISO 4217", page.Markup);
        Assert.Empty((await Links.ListAsync(scope, new(10)))!.Data);
    }

    [Fact]
    public async Task The_poster_shows_the_shop_the_product_the_price_and_the_links_qr_code()
    {
        var scope = await app.NewMerchantAsync();
        await app.AddUnwatchedWalletAsync(scope);
        var link = (await Links.CreateAsync(scope, new CreatePaymentLinkRequest("Concert ticket", 25m, "USD"))).Value!;

        var poster = Render<PaymentLinkPosterPage>(p => p.Add(x => x.LinkId, link.Id).AddCascadingValue(scope));

        poster.WaitForElement("[data-testid='poster']");
        Assert.Equal("Concert ticket", poster.Find("[data-testid='poster-product']").TextContent);
        Assert.Equal("25 USD", poster.Find("[data-testid='poster-price']").TextContent);
        Assert.NotEmpty(poster.Find("[data-testid='poster-shop']").TextContent);
        Assert.NotNull(poster.Find("[data-testid='poster-qr'] svg"));
        Assert.Contains($"/pay/{link.Id}", poster.Markup);
        var other = await app.NewMerchantAsync();
        var foreign = Render<PaymentLinkPosterPage>(p => p.Add(x => x.LinkId, link.Id).AddCascadingValue(other));
        foreign.WaitForElement("[data-testid='poster-not-found']");
    }

    private IRenderedComponent<PaymentLinksPage> RenderPage(MerchantScope scope)
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<PaymentLinksPage>(p => p.AddCascadingValue(scope));
    }

    protected override ValueTask OnDisposedAsync()
    {
        appServices.Dispose();
        return ValueTask.CompletedTask;
    }
}
