using System.Security.Claims;
using Bunit;
using Flux.Dashboard.Common;
using Flux.Dashboard.Components.Layout;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Foundation;

public sealed class MainLayoutTests : DashboardComponentTest
{
    private readonly TestDatabase database = new();
    private readonly Merchant merchant = new() { UserName = "shop@flux.test", Email = "shop@flux.test" };

    public MainLayoutTests()
    {
        using (var db = database.CreateContext())
        {
            db.Users.Add(merchant);
            db.SaveChanges();
        }

        Services.AddDbContextFactory<FluxDbContext>(database.Configure);
        Services.AddScoped<MerchantPreferences>();
        Services.AddLogging();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IOtherInstances, NoOtherInstances>();
        Services.AddSingleton<EventBus>();
        Services.AddSingleton<WriteGate>();
        Services.AddSingleton<OutboxDispatcher>();
        Services.AddSingleton<CreditService>();
        Services.AddSingleton<CreditInsights>();
        AddAuthorization().SetAuthorized(merchant.Email!)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, merchant.Id), new Claim(ClaimTypes.Email, merchant.Email!));
    }

    [Fact]
    public void Layout_shows_every_dashboard_section_and_the_merchant_email()
    {
        var layout = RenderLayout();

        foreach (var section in DashboardSections.All)
            Assert.Contains(section.Title, layout.Find($"[data-testid='nav-{section.Title.ToLowerInvariant()}']").TextContent);
        Assert.Equal(10, DashboardSections.All.Count);
        Assert.Equal("shop@flux.test", layout.Find("[data-testid='merchant-email']").TextContent.Trim());
        Assert.Contains("page body", layout.Markup);
        Assert.Equal("0 credits", layout.Find("[data-testid='credit-balance']").TextContent.Trim());
    }

    [Fact]
    public async Task Test_mode_switch_shows_and_hides_the_banner_and_is_stored_for_the_merchant()
    {
        var layout = RenderLayout();
        Assert.Empty(layout.FindAll("[data-testid='test-mode-banner']"));

        layout.Find("input[data-testid='test-mode-switch']").Change(true);

        layout.WaitForElement("[data-testid='test-mode-banner']");
        Assert.True(await StoredTestModeAsync());
        layout.WaitForAssertion(() => Assert.Equal($"{CreditBook.SandboxStartingCredits} credits",
            layout.Find("[data-testid='credit-balance']").TextContent.Trim()));

        layout.Find("input[data-testid='test-mode-switch']").Change(false);

        layout.WaitForAssertion(() => Assert.Empty(layout.FindAll("[data-testid='test-mode-banner']")));
        Assert.False(await StoredTestModeAsync());
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

    private async Task<bool> StoredTestModeAsync()
    {
        await using var db = database.CreateContext();
        return await db.Users.Where(m => m.Id == merchant.Id).Select(m => m.TestMode).SingleAsync();
    }

    protected override ValueTask OnDisposedAsync()
    {
        database.Dispose();
        return ValueTask.CompletedTask;
    }
}
