using Bunit;
using Bunit.TestDoubles;
using Flux.Dashboard.Components.Layout;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Foundation;

/// <summary>The drawer's links, written as plain markup in MudNavMenu's classes (docs/performance.md).</summary>
public sealed class NavMenuTests : DashboardComponentTest
{
    private readonly BunitAuthorizationContext authorization;

    public NavMenuTests() => authorization = AddAuthorization().SetAuthorized("shop@flux.test");

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void Every_section_links_to_its_page_and_only_the_overview_is_current_on_the_start_page()
    {
        var nav = Render<NavMenu>();

        foreach (var section in DashboardSections.All)
        {
            var link = nav.Find($"a[data-testid='nav-{section.Title.ToLowerInvariant()}']");
            Assert.Equal(section.Href, link.GetAttribute("href"));
            Assert.Equal(section.Title, link.TextContent.Trim());
            Assert.Contains("mud-nav-link", link.ClassList);
            Assert.NotNull(link.QuerySelector("svg.mud-nav-link-icon path, svg.mud-nav-link-icon g"));
        }
        Assert.Equal(["nav-overview"], CurrentLinks(nav));
        Assert.Equal("page", nav.Find("[data-testid='nav-overview']").GetAttribute("aria-current"));
    }

    [Fact]
    public void The_current_section_follows_navigation_including_pages_under_it()
    {
        var nav = Render<NavMenu>();

        Navigation.NavigateTo("orders");
        nav.WaitForAssertion(() => Assert.Equal(["nav-orders"], CurrentLinks(nav)));

        Navigation.NavigateTo("wallets/wal_123?tab=keys");
        nav.WaitForAssertion(() => Assert.Equal(["nav-wallets"], CurrentLinks(nav)));
        Assert.Null(nav.Find("[data-testid='nav-overview']").GetAttribute("aria-current"));

        Navigation.NavigateTo("ordersx");
        nav.WaitForAssertion(() => Assert.Empty(CurrentLinks(nav)));

        Navigation.NavigateTo("/");
        nav.WaitForAssertion(() => Assert.Equal(["nav-overview"], CurrentLinks(nav)));
    }

    [Fact]
    public void The_api_docs_open_in_a_new_tab_and_admin_links_are_shown_to_admins_only()
    {
        var merchantNav = Render<NavMenu>();

        Assert.Equal("_blank", merchantNav.Find("[data-testid='nav-api-reference']").GetAttribute("target"));
        Assert.Equal("_blank", merchantNav.Find("[data-testid='nav-api-errors']").GetAttribute("target"));
        Assert.Empty(merchantNav.FindAll("[data-testid='nav-admin-credits']"));
        Assert.Empty(merchantNav.FindAll("[data-testid='nav-admin-jobs']"));

        authorization.SetRoles("Admin");
        var adminNav = Render<NavMenu>();

        Assert.Equal("admin/credits", adminNav.Find("[data-testid='nav-admin-credits']").GetAttribute("href"));
        Assert.Equal("/hangfire", adminNav.Find("[data-testid='nav-admin-jobs']").GetAttribute("href"));
    }

    private static string[] CurrentLinks(IRenderedComponent<NavMenu> nav) =>
        nav.FindAll("a.mud-nav-link.active").Select(a => a.GetAttribute("data-testid")!).ToArray();
}
