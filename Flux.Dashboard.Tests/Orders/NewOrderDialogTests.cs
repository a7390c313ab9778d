using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using Flux.Dashboard.Common;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Features.Settings;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Flux.Dashboard.Tests.Orders;

public sealed class NewOrderDialogTests : DashboardComponentTest
{
    private readonly TestDatabase database = new();
    private readonly Merchant merchant = new() { UserName = "dialog@flux.test", Email = "dialog@flux.test" };
    private readonly MerchantScope scope;
    private readonly Wallet wallet;

    public NewOrderDialogTests()
    {
        scope = new MerchantScope(merchant.Id, Livemode: false);
        wallet = new Wallet
        {
            Id = PublicId.New("wal"), MerchantId = merchant.Id, Livemode = false, Network = scope.Network,
            Address = TestAddresses.Random(), Label = "Counter", IsDefault = true, CreatedAt = DateTimeOffset.UtcNow,
        };
        using (var db = database.CreateContext())
        {
            db.Users.Add(merchant);
            db.Add(wallet);
            db.SaveChanges();
        }

        Services.AddLogging();
        Services.AddSingleton(TimeProvider.System);
        Services.AddDbContextFactory<FluxDbContext>(database.Configure);
        Services.AddSingleton<IOtherInstances, NoOtherInstances>();
        Services.AddSingleton<EventBus>();
        Services.AddSingleton<OutboxDispatcher>();
        Services.AddSingleton<WriteGate>();
        Services.AddSingleton<IGroupCommitWriter, SqliteGroupCommitWriter>();
        Services.AddSingleton<GroupCommit>();
        Services.AddSingleton<ActiveWallets>();
        Services.AddSingleton<DefaultOrderLifetimes>();
        Services.AddFiatPrices(new RatesOptions());
        Services.AddSingleton<OrderService>();
        Services.AddSingleton<OrderQueries>();
        AddAuthorization().SetAuthorized(merchant.Email!).SetClaims(new Claim(ClaimTypes.NameIdentifier, merchant.Id));
    }

    [Fact]
    public async Task A_non_numeric_amount_shows_a_field_error_under_the_amount_and_writes_nothing()
    {
        var dialog = await OpenDialogAsync();

        dialog.Find("input[data-testid='order-amount']").Input("ten pi");
        dialog.Find("button[data-testid='create-order']").Click();

        dialog.WaitForAssertion(() => Assert.Contains("Enter the amount as a number of Pi", dialog.Markup));
        Assert.Equal(0, await OrderCountAsync());
        Assert.DoesNotContain("/orders/ord_", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task Every_field_error_shows_at_once_a_comma_amount_included()
    {
        var dialog = await OpenDialogAsync();

        dialog.Find("input[data-testid='order-amount']").Input("1,5");
        dialog.Find("textarea[data-testid='order-description']").Input(new string('x', OrderRules.MaxDescriptionLength + 1));
        dialog.Find("button[data-testid='create-order']").Click();

        dialog.WaitForAssertion(() =>
        {
            Assert.Contains("with a point for decimals", dialog.Markup);
            Assert.Contains($"at most {OrderRules.MaxDescriptionLength} characters", dialog.Markup);
        });
        Assert.Equal(0, await OrderCountAsync());
    }

    [Fact]
    public async Task A_valid_order_is_created_in_the_preselected_default_wallet_and_opens_its_detail_page()
    {
        var dialog = await OpenDialogAsync();

        dialog.Find("input[data-testid='order-amount']").Input("10.25");
        dialog.Find("textarea[data-testid='order-description']").Input("Two coffees");
        dialog.Find("button[data-testid='create-order']").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        dialog.WaitForAssertion(() => Assert.Contains("/orders/ord_", navigation.Uri));
        await using var db = database.CreateContext();
        var order = await db.Set<Order>().SingleAsync();
        Assert.EndsWith($"/orders/{order.Id}", navigation.Uri);
        Assert.Equal(10.25m, order.Amount);
        Assert.Equal("Two coffees", order.Description);
        Assert.Equal(wallet.Id, order.WalletId);
        Assert.False(order.Livemode);
    }

    [Fact]
    public async Task A_dollar_price_shows_its_pi_at_the_merchants_rate_as_it_is_typed_and_locks_it()
    {
        Assert.Empty(await Services.GetRequiredService<FixedRates>().SetAsync(merchant.Id, "USD", 0.4m));
        var dialog = await OpenDialogAsync();

        ChooseCurrency(dialog, "USD");
        dialog.Find("input[data-testid='order-amount']").Input("5");

        dialog.WaitForAssertion(() => Assert.Equal("5 USD = 12.5 Pi at 1 Pi = 0.4 USD (your fixed rate)",
            dialog.Find("[data-testid='order-currency-quote']").TextContent.Trim()));
        dialog.Find("input[data-testid='order-amount']").Input("5.5");
        dialog.WaitForAssertion(() => Assert.StartsWith("5.5 USD = 13.75 Pi", dialog.Find("[data-testid='order-currency-quote']").TextContent.Trim()));
        dialog.Find("button[data-testid='create-order']").Click();

        dialog.WaitForAssertion(() => Assert.Contains("/orders/ord_", Services.GetRequiredService<NavigationManager>().Uri));
        await using var db = database.CreateContext();
        var order = await db.Set<Order>().SingleAsync();
        Assert.Equal((13.75m, 5.5m, "USD"), (order.Amount, order.PriceAmount, order.PriceCurrency));
    }

    [Fact]
    public async Task A_stale_provider_rate_is_refused_with_the_apis_message_and_no_order_is_made()
    {
        await using (var db = database.CreateContext())
        {
            db.Add(new ProviderRate { Currency = "GBP", Value = 0.3m, FetchedAt = DateTimeOffset.UtcNow.AddHours(-2) });
            await db.SaveChangesAsync();
        }
        var (_, apiRefusal) = await Services.GetRequiredService<FiatPrices>().LockAsync(merchant.Id, "GBP", 5m, CancellationToken.None);
        var dialog = await OpenDialogAsync();

        ChooseCurrency(dialog, "GBP");
        dialog.Find("input[data-testid='order-amount']").Input("5");

        dialog.WaitForAssertion(() => Assert.Equal(apiRefusal!.Message, dialog.Find("[data-testid='order-currency-quote']").TextContent.Trim()));
        dialog.Find("button[data-testid='create-order']").Click();
        dialog.WaitForAssertion(() => Assert.Equal(apiRefusal!.Message, dialog.Find("[data-testid='order-currency-error']").TextContent.Trim()));
        Assert.Contains("stale rate", apiRefusal!.Message);
        Assert.Equal(0, await OrderCountAsync());
    }

    [Fact]
    public async Task The_currency_picker_offers_pi_and_the_currencies_with_a_rate_only()
    {
        Assert.Empty(await Services.GetRequiredService<FixedRates>().SetAsync(merchant.Id, "EUR", 0.3m));
        await using (var db = database.CreateContext())
        {
            db.Add(new ProviderRate { Currency = "USD", Value = 0.3m, FetchedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var dialog = await OpenDialogAsync();

        dialog.Find("[data-testid='order-currency']").Closest(".mud-select")!.MouseDown();

        dialog.WaitForAssertion(() => Assert.Equal(["Pi", "EUR", "USD"], dialog.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())));
    }

    private static void ChooseCurrency(IRenderedComponent<ContainerFragment> dialog, string currency)
    {
        dialog.Find("[data-testid='order-currency']").Closest(".mud-select")!.MouseDown();
        dialog.ClickListItem(currency);
        dialog.WaitForAssertion(() => Assert.Contains($"data-testid=\"order-currency-quote\"", dialog.Markup));
    }

    private async Task<IRenderedComponent<ContainerFragment>> OpenDialogAsync()
    {
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
        });
        var dialogs = Services.GetRequiredService<IDialogService>();
        await host.InvokeAsync(() => dialogs.ShowAsync<NewOrderDialog>("New order",
            new DialogParameters<NewOrderDialog> { { d => d.Scope, scope } }));
        host.WaitForElement("input[data-testid='order-amount']");
        return host;
    }

    private async Task<int> OrderCountAsync()
    {
        await using var db = database.CreateContext();
        return await db.Set<Order>().CountAsync();
    }

    protected override ValueTask OnDisposedAsync()
    {
        database.Dispose();
        return ValueTask.CompletedTask;
    }
}
