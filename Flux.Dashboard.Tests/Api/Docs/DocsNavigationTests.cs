using Bunit;
using Flux.Dashboard.Components.Layout;
using MudBlazor.Services;

namespace Flux.Dashboard.Tests.Api.Docs;

public sealed class DocsNavigationTests : BunitContext
{
    public DocsNavigationTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization().SetAuthorized("shop@flux.test");
    }

    [Fact]
    public void The_dashboard_navigation_links_the_api_reference_and_the_errors_page()
    {
        var nav = Render<NavMenu>();

        Assert.Equal("/docs/api", nav.Find("[data-testid='nav-api-reference']").GetAttribute("href"));
        Assert.Equal("/docs/errors", nav.Find("[data-testid='nav-api-errors']").GetAttribute("href"));
    }
}
