using Bunit;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Flux.Dashboard.Tests.Wallets;

/// <summary>The Wallets page rendered with bUnit, talking to the running app's <see cref="WalletService"/>.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class WalletsPageTests : DashboardComponentTest
{
    private readonly FluxAppFactory app;
    private readonly IServiceScope appServices;

    public WalletsPageTests(FluxAppFactory app)
    {
        this.app = app;
        appServices = app.Services.CreateScope();
        Services.AddSingleton(appServices.ServiceProvider.GetRequiredService<WalletService>());
    }

    private WalletService Wallets => appServices.ServiceProvider.GetRequiredService<WalletService>();

    [Fact]
    public async Task Lists_the_active_wallets_of_the_scope_with_the_default_and_the_removed_ones_collapsed()
    {
        var merchant = await app.NewMerchantAsync();
        var till = (await Wallets.AddAsync(merchant, TestAddresses.Random(), "Till")).Value!;
        var web = (await Wallets.AddAsync(merchant, TestAddresses.Random(), "Web shop")).Value!;
        var old = (await Wallets.AddAsync(merchant, TestAddresses.Random(), "Old till")).Value!;
        await Wallets.RemoveAsync(merchant, old.Id);
        var otherMerchants = (await Wallets.AddAsync(await app.NewMerchantAsync(), TestAddresses.Random(), null)).Value!;
        var liveWallet = await StoreLiveWalletAsync(merchant.MerchantId);

        var page = RenderPage(merchant);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='wallet-row']").Count));
        var rows = page.FindAll("[data-testid='wallet-row']");
        Assert.Contains(till.Address, rows[0].TextContent);
        Assert.Contains("Till", rows[0].TextContent);
        Assert.Contains("Sandbox", rows[0].TextContent);
        Assert.Single(rows[0].QuerySelectorAll("[data-testid='wallet-default']"));
        Assert.Contains(web.Address, rows[1].TextContent);
        Assert.Empty(rows[1].QuerySelectorAll("[data-testid='wallet-default']"));
        Assert.Contains("Removed wallets (kept for your order history)", page.Find("[data-testid='removed-wallets']").TextContent);
        Assert.DoesNotContain(otherMerchants.Address, page.Markup);
        Assert.DoesNotContain(liveWallet, page.Markup);
    }

    [Fact]
    public async Task Shows_the_empty_state_when_the_scope_has_no_wallets()
    {
        var merchant = await app.NewMerchantAsync();

        var page = RenderPage(merchant);

        page.WaitForElement("[data-testid='empty-state']");
        Assert.Empty(page.FindAll("[data-testid='wallet-row']"));
    }

    [Fact]
    public async Task Add_dialog_shows_the_checksum_error_under_the_address_field_and_adds_nothing()
    {
        var merchant = await app.NewMerchantAsync();
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage(merchant);
        page.WaitForElement("[data-testid='empty-state']");
        var address = TestAddresses.Random();
        var typo = address[..^2] + (address[^2] == 'A' ? 'B' : 'A') + address[^1];

        page.Find("[data-testid='add-wallet']").Click();
        dialogs.WaitForElement("input[data-testid='wallet-address']").Input(typo);
        dialogs.Find("[data-testid='save-wallet']").Click();

        dialogs.WaitForAssertion(() =>
        {
            var field = dialogs.Find("input[data-testid='wallet-address']").Closest(".mud-input-control")!;
            Assert.Contains("checksum", field.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent);
        });
        Assert.Contains("Test mode: the wallet is on the Flux sandbox", dialogs.Find("[data-testid='wallet-network-help']").TextContent);
        Assert.Empty(await app.StoredWalletsAsync(merchant.MerchantId));
    }

    [Fact]
    public async Task A_change_that_fails_stays_on_the_page_until_the_merchant_closes_it()
    {
        var merchant = await app.NewMerchantAsync();
        await Wallets.AddAsync(merchant, TestAddresses.Random(), "Till");
        var gone = (await Wallets.AddAsync(merchant, TestAddresses.Random(), "Removed in another tab")).Value!;
        var page = RenderPage(merchant);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='wallet-row']").Count));
        await Wallets.RemoveAsync(merchant, gone.Id);

        page.Find($"tr[data-wallet-id='{gone.Id}'] button[data-testid='set-default-wallet']").Click();

        var error = page.WaitForElement("[data-testid='wallets-error']");
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.Contains($"No such wallet: '{gone.Id}'.", error.TextContent);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='wallet-row']")));
        Assert.NotEmpty(page.FindAll("[data-testid='wallets-error']"));

        page.Find("[data-testid='wallets-error'] button").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid='wallets-error']")));
    }

    private IRenderedComponent<WalletsPage> RenderPage(MerchantScope scope)
    {
        Render<MudPopoverProvider>();
        return Render<WalletsPage>(p => p.AddCascadingValue(scope));
    }

    /// <summary>A live wallet as a row (live mode would ask Pi mainnet, which tests cannot reach).</summary>
    private async Task<string> StoreLiveWalletAsync(string merchantId)
    {
        var address = TestAddresses.Random();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        db.Add(new Wallet
        {
            Id = PublicId.New("wal"), MerchantId = merchantId, Livemode = true, Network = "pi-mainnet",
            Address = address, IsDefault = true, CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        await app.Services.GetRequiredService<ActiveWallets>().InvalidateAsync();
        return address;
    }

    protected override ValueTask OnDisposedAsync()
    {
        appServices.Dispose();
        return ValueTask.CompletedTask;
    }
}
