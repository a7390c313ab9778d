using Bunit;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Buttons;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Flux.Dashboard.Tests.Wallets;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Flux.Dashboard.Tests.Buttons;

/// <summary>The Buttons page rendered with bUnit, talking to the running app's services.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class ButtonsPageTests : DashboardComponentTest
{
    private const string ScriptLabel = "<script>alert(1)</script>";
    private const string ImgLabel = "\"><img src=x onerror=alert(1)>";
    private const string AttributeLabel = "\" onmouseover=\"alert(1)";

    private readonly FluxAppFactory app;
    private readonly IServiceScope appServices;

    public ButtonsPageTests(FluxAppFactory app)
    {
        this.app = app;
        appServices = app.Services.CreateScope();
        Services.AddSingleton(app.Services.GetRequiredService<ButtonService>());
        Services.AddSingleton(appServices.ServiceProvider.GetRequiredService<WalletService>());
        Services.AddSingleton(app.Services.GetRequiredService<FiatPrices>());
    }

    private ButtonService Buttons => app.Services.GetRequiredService<ButtonService>();

    [Fact]
    public async Task Creates_a_button_from_the_designer_and_lists_it_with_its_snippet()
    {
        var (scope, _) = await MerchantAsync();
        var page = RenderPage(scope);
        page.WaitForElement("[data-testid='empty-state']");

        page.Find("[data-testid='new-button']").Click();
        page.WaitForElement("input[data-testid='button-label']").Input("Buy the e-book");
        page.Find("input[data-testid='button-amount']").Input("12.5");
        page.WaitForAssertion(() => Assert.Equal("Buy the e-book · 12.5 Pi", page.Find("[data-testid='button-preview-button']").TextContent));
        page.Find("[data-testid='save-button']").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='button-row']")));
        var button = Assert.Single((await Buttons.ListAsync(scope, new(10)))!.Data);
        Assert.Equal(12.5m, button.Amount);
        Assert.Equal("Buy the e-book", button.Label);
        var snippet = page.Find("[data-testid='button-snippet']").TextContent;
        Assert.Equal(ButtonSnippet.For("http://localhost/", button.Id), snippet);
        Assert.Contains("No success URL", page.Find("[data-testid='button-after-payment']").TextContent);
        Assert.Contains("flux:order-confirmed", page.Find("[data-testid='button-event-example']").TextContent);
    }

    [Theory]
    [InlineData("Buy the e-book", "10", "Buy the e-book · 10 Pi")]
    [InlineData("Pay 10 Pi", "10", "Pay 10 Pi")]
    [InlineData("pay 12.5pi now", "12.5", "pay 12.5pi now")]
    [InlineData("Pay 110 Pi", "10", "Pay 110 Pi · 10 Pi")]
    [InlineData("Pay 10.5 Pi", "10", "Pay 10.5 Pi · 10 Pi")]
    [InlineData("Pay 10.00 Pi", "10", "Pay 10.00 Pi")]
    [InlineData("Pay 12.50 Pi", "12.5", "Pay 12.50 Pi")]
    [InlineData("Pay 10.01 Pi", "10", "Pay 10.01 Pi · 10 Pi")]
    public void A_label_shows_the_amount_once(string label, string amount, string shown) =>
        Assert.Equal(shown, ButtonRules.LabelWithAmount(label, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task The_designer_shows_the_services_field_errors()
    {
        var (scope, _) = await MerchantAsync();
        var page = RenderPage(scope);
        page.WaitForElement("[data-testid='empty-state']");

        page.Find("[data-testid='new-button']").Click();
        page.WaitForElement("input[data-testid='button-amount']").Input("0");
        page.Find("input[data-testid='button-success-url']").Change("javascript:alert(1)");
        page.Find("[data-testid='save-button']").Click();

        page.WaitForAssertion(() => Assert.Contains("greater than 0", page.Markup));
        Assert.Contains("http:// or https://", page.Markup);
        Assert.Empty((await Buttons.ListAsync(scope, new(10)))!.Data);
    }

    [Fact]
    public async Task The_switch_disables_and_enables_a_button()
    {
        var (scope, wallet) = await MerchantAsync();
        var button = (await Buttons.CreateAsync(scope, new CreateButtonRequest("Tea", 2m, WalletAddress: wallet))).Value!;
        var page = RenderPage(scope);
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-testid='button-row']").GetAttribute("data-enabled")));

        page.Find("input[data-testid='button-enabled']").Change(false);

        page.WaitForAssertion(() => Assert.Equal("false", page.Find("[data-testid='button-row']").GetAttribute("data-enabled")));
        Assert.False((await Buttons.GetAsync(scope, button.Id))!.Enabled);
    }

    [Theory]
    [InlineData(ScriptLabel)]
    [InlineData(ImgLabel)]
    [InlineData(AttributeLabel)]
    public async Task A_hostile_label_renders_as_text_in_the_list_and_the_preview(string label)
    {
        var (scope, wallet) = await MerchantAsync();
        await Buttons.CreateAsync(scope, new CreateButtonRequest(label, 1m, WalletAddress: wallet));
        var page = RenderPage(scope);
        page.WaitForElement("[data-testid='button-row']");

        page.Find("[data-testid='new-button']").Click();
        page.WaitForElement("input[data-testid='button-label']").Input(label);

        page.WaitForAssertion(() => Assert.Equal(label.Trim(), page.Find("[data-testid='button-preview-button']").TextContent));
        Assert.Equal(label, page.Find("[data-testid='button-row-label']").TextContent);
        Assert.Empty(page.FindAll("script"));
        Assert.Empty(page.FindAll("img"));
        Assert.Empty(page.FindAll("[onmouseover]"));
    }

    [Fact]
    public async Task Edits_a_button_in_the_designer_keeping_its_id_and_snippet()
    {
        var (scope, wallet) = await MerchantAsync();
        var button = (await Buttons.CreateAsync(scope, new CreateButtonRequest("Tea", 2m, WalletAddress: wallet))).Value!;
        var page = RenderPage(scope);

        page.WaitForElement("[data-testid='edit-button']").Click();
        page.WaitForAssertion(() => Assert.Equal("Tea", page.Find("input[data-testid='button-label']").GetAttribute("value")));
        page.Find("input[data-testid='button-label']").Input("Green tea");
        page.Find("input[data-testid='button-product-name']").Change("Green tea, 100 g");
        page.Find("input[data-testid='button-amount']").Input("3.5");
        page.Find("input[data-testid='button-lifetime']").Change("90");
        page.WaitForAssertion(() => Assert.Equal("Green tea · 3.5 Pi", page.Find("[data-testid='button-preview-button']").TextContent));
        page.Find("[data-testid='save-button']").Click();

        page.WaitForAssertion(() => Assert.Equal("Green tea", page.Find("[data-testid='button-row-label']").TextContent));
        var saved = (await Buttons.GetAsync(scope, button.Id))!;
        Assert.Equal(("Green tea", "Green tea, 100 g", 3.5m, 5400), (saved.Label, saved.ProductName, saved.Amount, saved.ExpiresIn));
        Assert.Equal("Sells Green tea, 100 g", page.Find("[data-testid='button-row-product']").TextContent);
        Assert.Equal(ButtonSnippet.For("http://localhost/", button.Id), page.Find("[data-testid='button-snippet']").TextContent);
        Assert.Empty(page.FindAll("[data-testid='button-designer']"));
    }

    [Fact]
    public async Task An_edit_the_service_refuses_shows_its_errors_and_changes_nothing()
    {
        var (scope, wallet) = await MerchantAsync();
        var button = (await Buttons.CreateAsync(scope, new CreateButtonRequest("Tea", 2m, WalletAddress: wallet))).Value!;
        var page = RenderPage(scope);

        page.WaitForElement("[data-testid='edit-button']").Click();
        page.WaitForElement("input[data-testid='button-amount']").Input("0");
        page.Find("input[data-testid='button-lifetime']").Change("20000");
        page.Find("[data-testid='save-button']").Click();

        page.WaitForAssertion(() => Assert.Contains("greater than 0", page.Markup));
        Assert.Contains("from 60 seconds to 7 days", page.Markup);
        var stored = (await Buttons.GetAsync(scope, button.Id))!;
        Assert.Equal((2m, (int?)null), (stored.Amount, stored.ExpiresIn));
    }

    [Fact]
    public async Task Archives_a_button_out_of_the_list_shows_it_under_archived_and_restores_it()
    {
        var (scope, wallet) = await MerchantAsync();
        var button = (await Buttons.CreateAsync(scope, new CreateButtonRequest("Tea", 2m, WalletAddress: wallet))).Value!;
        var page = RenderPage(scope);

        page.WaitForElement("[data-testid='archive-button']").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid='button-row']")));
        Assert.True((await Buttons.GetAsync(scope, button.Id))!.Archived);
        page.Find("[data-testid='show-archived']").Click();
        page.WaitForElement("[data-testid='restore-button']").Click();
        page.WaitForAssertion(() => Assert.Contains("No archived buttons", page.Markup));
        Assert.False((await Buttons.GetAsync(scope, button.Id))!.Archived);
        page.Find("[data-testid='show-in-use']").Click();
        page.WaitForAssertion(() => Assert.Equal(button.Id, page.Find("[data-testid='button-row']").GetAttribute("data-button-id")));
    }

    [Fact]
    public async Task The_designer_prices_a_button_in_a_currency_with_a_rate_and_shows_its_pi()
    {
        var (scope, _) = await MerchantAsync();
        Assert.Empty(await app.Services.GetRequiredService<FixedRates>().SetAsync(scope.MerchantId, "EUR", 0.25m));
        var page = RenderPage(scope);
        page.WaitForElement("[data-testid='new-button']").Click();

        page.WaitForElement("input[data-testid='button-label']").Input("Tea");
        page.Find("input[data-testid='button-amount']").Input("2");
        page.Find("[data-testid='button-currency']").Closest(".mud-select")!.MouseDown();
        popovers!.ClickListItem("EUR");

        page.WaitForAssertion(() => Assert.Equal("2 EUR = 8 Pi at 1 Pi = 0.25 EUR (your fixed rate)",
            page.Find("[data-testid='button-currency-quote']").TextContent.Trim()));
        Assert.Equal("Tea · 2 EUR", page.Find("[data-testid='button-preview-button']").TextContent);
        page.Find("[data-testid='save-button']").Click();
        page.WaitForElement("[data-testid='button-row']");
        var button = Assert.Single((await Buttons.ListAsync(scope, new(10)))!.Data);
        Assert.Equal((2m, "EUR"), (button.Amount, button.Currency));
    }

    private async Task<(MerchantScope Scope, string Wallet)> MerchantAsync()
    {
        var scope = await app.NewMerchantAsync();
        return (scope, await app.AddUnwatchedWalletAsync(scope));
    }

    protected override ValueTask OnDisposedAsync()
    {
        appServices.Dispose();
        return ValueTask.CompletedTask;
    }

    private IRenderedComponent<MudPopoverProvider>? popovers;

    private IRenderedComponent<ButtonsPage> RenderPage(MerchantScope scope)
    {
        popovers = Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<ButtonsPage>(p => p.AddCascadingValue(scope));
    }
}
