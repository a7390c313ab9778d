using System.Text.RegularExpressions;
using Bunit;
using Bunit.Rendering;
using Flux.Dashboard.Common;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Features.Developers;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace Flux.Dashboard.Tests.ApiKeys;

/// <summary>The Developers page's API keys section rendered with bUnit over a real <see cref="ApiKeyService"/> and database.</summary>
public sealed partial class ApiKeysPageTests : DashboardComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase database = new();
    private readonly ManualClock clock = new(Now);
    private readonly MerchantScope merchant;
    private readonly MerchantScope otherMerchant;

    public ApiKeysPageTests()
    {
        merchant = AddMerchant("keys@flux.test");
        otherMerchant = AddMerchant("other@flux.test");

        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddDbContextFactory<FluxDbContext>(database.Configure);
        Services.AddSingleton<IOtherInstances, NoOtherInstances>();
        Services.AddSingleton<ApiKeyCache>();
        Services.AddSingleton<ApiKeyService>();
    }

    private ApiKeyService Keys => Services.GetRequiredService<ApiKeyService>();

    /// <summary>A whole secret key, test or live: it must appear nowhere but in the dialog that made it.</summary>
    [GeneratedRegex("sk_(test|live)_[0-9A-Za-z]{32}")]
    private static partial Regex SecretKey();

    [Fact]
    public async Task Lists_the_keys_of_the_scope_only_never_another_merchants_or_the_other_modes()
    {
        var own = (await Keys.CreatePairAsync(merchant, "Web shop")).Value!;
        var ownLive = (await Keys.CreatePairAsync(merchant with { Livemode = true }, "Live shop")).Value!;
        var others = (await Keys.CreatePairAsync(otherMerchant, "Someone else")).Value!;

        var (page, _) = RenderPage(merchant);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='key-row']").Count));
        var secretRow = page.Find($"[data-testid='key-row'][data-key-id='{own.Secret.Key.Id}']");
        Assert.Contains(own.Secret.Key.Redacted, secretRow.TextContent);
        Assert.Contains("Web shop", secretRow.TextContent);
        Assert.Contains("Secret", secretRow.TextContent);
        Assert.Contains("25 Nov 2026", secretRow.TextContent);
        Assert.Equal("Never", secretRow.QuerySelector("[data-testid='key-last-used']")!.TextContent.Trim());
        Assert.Contains("Active", secretRow.QuerySelector("[data-testid='key-status']")!.TextContent);
        var publishableRow = page.Find($"[data-testid='key-row'][data-key-id='{own.Publishable.Key.Id}']");
        Assert.Contains(own.Publishable.Secret, publishableRow.TextContent);
        Assert.Contains("Publishable", publishableRow.TextContent);
        foreach (var hidden in new[] { ownLive, others })
        {
            Assert.DoesNotContain(hidden.Secret.Key.Redacted, page.Markup);
            Assert.DoesNotContain(hidden.Publishable.Secret, page.Markup);
            Assert.DoesNotContain(hidden.Publishable.Key.Redacted, page.Markup);
        }
        Assert.DoesNotMatch(SecretKey(), page.Markup);
        Assert.Empty(page.FindAll("[data-testid='live-keys-warning']"));
    }

    [Fact]
    public async Task Live_mode_warns_that_its_keys_move_real_Pi()
    {
        await Keys.CreatePairAsync(merchant with { Livemode = true }, "Live shop");

        var (page, _) = RenderPage(merchant with { Livemode = true });

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='key-row']").Count));
        Assert.Contains("real Pi", page.Find("[data-testid='live-keys-warning']").TextContent);
        Assert.Contains("sk_live_…", page.Markup);
    }

    [Fact]
    public void Shows_the_empty_state_when_the_scope_has_no_keys()
    {
        var (page, _) = RenderPage(merchant);

        page.WaitForElement("[data-testid='empty-state']");
        Assert.Empty(page.FindAll("[data-testid='key-row']"));
    }

    [Fact]
    public async Task Create_dialog_shows_the_secret_once_and_after_closing_no_secret_is_left_in_the_markup()
    {
        var (page, dialogs) = RenderPage(merchant);
        page.WaitForElement("[data-testid='empty-state']");

        page.Find("[data-testid='create-key']").Click();
        dialogs.WaitForElement("input[data-testid='key-name']").Input("Web shop server");
        dialogs.Find("[data-testid='save-key']").Click();

        var secret = dialogs.WaitForElement("[data-testid='new-secret-key']").TextContent.Trim();
        Assert.Matches($"^{SecretKey()}$", secret);
        Assert.StartsWith("sk_test_", secret);
        Assert.Contains("Your new API keys", dialogs.Markup);
        Assert.Contains("Copy it now — Flux stores only a hash and cannot show it again", dialogs.Markup);
        var publishable = dialogs.Find("[data-testid='new-publishable-key']").TextContent.Trim();
        Assert.StartsWith("pk_test_", publishable);
        var stored = await StoredKeysAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, k => Assert.Equal("Web shop server", k.Name));
        Assert.Equal(stored.Single(k => k.Kind == ApiKeyKind.Secret).Id, (await Keys.AuthenticateAsync(secret))?.Id);

        dialogs.Find("[data-testid='close-new-key']").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='key-row']").Count));
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid='new-secret-key']")));
        Assert.DoesNotContain(secret, page.Markup + dialogs.Markup);
        Assert.DoesNotMatch(SecretKey(), page.Markup + dialogs.Markup);
        Assert.Contains($"sk_test_…{secret[^4..]}", page.Markup);
        Assert.Contains(publishable, page.Markup);
    }

    [Fact]
    public async Task Create_dialog_shows_the_name_error_under_the_field_and_creates_nothing()
    {
        var (page, dialogs) = RenderPage(merchant);
        page.WaitForElement("[data-testid='empty-state']");

        page.Find("[data-testid='create-key']").Click();
        dialogs.WaitForElement("input[data-testid='key-name']").Input("   ");
        dialogs.Find("[data-testid='save-key']").Click();

        dialogs.WaitForAssertion(() =>
        {
            var field = dialogs.Find("input[data-testid='key-name']").Closest(".mud-input-control")!;
            // The helper line ends with the character counter.
            Assert.StartsWith(ApiKeyService.NameError("   ")!, field.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent);
        });
        Assert.Empty(dialogs.FindAll("[data-testid='new-secret-key']"));
        Assert.Empty(await StoredKeysAsync());
    }

    [Fact]
    public async Task Rolling_with_a_grace_period_shows_the_new_secret_once_and_the_old_key_as_expiring()
    {
        var old = (await Keys.CreatePairAsync(merchant, "Web shop")).Value!.Secret;
        var (page, dialogs) = RenderPage(merchant);
        var oldRow = page.WaitForElement($"[data-testid='key-row'][data-key-id='{old.Key.Id}']");

        oldRow.QuerySelector("[data-testid='roll-key']")!.Click();
        dialogs.WaitForElement("input[data-testid='roll-grace-24']").Click();
        dialogs.Find("[data-testid='confirm-roll']").Click();

        var secret = dialogs.WaitForElement("[data-testid='new-secret-key']").TextContent.Trim();
        Assert.Matches($"^{SecretKey()}$", secret);
        Assert.NotEqual(old.Secret, secret);
        Assert.Contains("Your new secret key", dialogs.Markup);
        Assert.Contains("Copy it now", dialogs.Markup);
        Assert.Contains("keeps working for 24 hours", dialogs.Find("[data-testid='roll-old-key']").TextContent);
        Assert.NotNull(await Keys.AuthenticateAsync(old.Secret));

        dialogs.Find("[data-testid='close-new-key']").Click();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid='key-row']").Count));
        var status = page.Find($"[data-testid='key-row'][data-key-id='{old.Key.Id}'] [data-testid='key-status']").TextContent;
        Assert.Contains("Expires 2026-11-26 12:00 UTC", status);
        Assert.DoesNotMatch(SecretKey(), page.Markup + dialogs.Markup);
        Assert.Contains($"sk_test_…{secret[^4..]}", page.Markup);
    }

    [Fact]
    public async Task Revoking_after_the_confirmation_stops_the_key_and_shows_it_revoked()
    {
        var key = (await Keys.CreatePairAsync(merchant, "Web shop")).Value!.Secret;
        var (page, dialogs) = RenderPage(merchant);
        var row = page.WaitForElement($"[data-testid='key-row'][data-key-id='{key.Key.Id}']");

        row.QuerySelector("[data-testid='revoke-key']")!.Click();
        dialogs.WaitForElement("[data-testid='confirm-revoke']").Click();

        page.WaitForAssertion(() => Assert.Equal("revoked",
            page.Find($"[data-testid='key-row'][data-key-id='{key.Key.Id}']").GetAttribute("data-key-state")));
        var revoked = page.Find($"[data-testid='key-row'][data-key-id='{key.Key.Id}']");
        Assert.Contains("Revoked 2026-11-25", revoked.TextContent);
        Assert.Empty(revoked.QuerySelectorAll("[data-testid='roll-key'], [data-testid='revoke-key']"));
        Assert.Null(await Keys.AuthenticateAsync(key.Secret));
    }

    private (IRenderedComponent<DevelopersPage> Page, IRenderedComponent<ContainerFragment> Dialogs) RenderPage(MerchantScope scope)
    {
        var providers = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
        });
        return (Render<DevelopersPage>(p => p.AddCascadingValue(scope)), providers);
    }

    private MerchantScope AddMerchant(string email)
    {
        var user = new Merchant { UserName = email, Email = email };
        using var db = database.CreateContext();
        db.Users.Add(user);
        db.SaveChanges();
        return new MerchantScope(user.Id, Livemode: false);
    }

    private async Task<List<ApiKey>> StoredKeysAsync()
    {
        await using var db = database.CreateContext();
        return await db.Set<ApiKey>().AsNoTracking().Where(k => k.MerchantId == merchant.MerchantId).ToListAsync();
    }

    protected override ValueTask OnDisposedAsync()
    {
        database.Dispose();
        return ValueTask.CompletedTask;
    }
}
