using Flux.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.Developers;

[Collection(BrowserCollection.Name)]
public sealed class SdksPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task The_developers_page_opens_the_sdks_page_with_the_node_install_line_and_samples() => InBrowserAsync(async page =>
    {
        await RegisterAsync(page, NewEmail("sdks"));
        await page.GetByTestId("nav-developers").ClickAsync();

        var docs = await page.Context.RunAndWaitForPageAsync(() => page.GetByTestId("docs-sdks-link").ClickAsync());

        await docs.WaitForLoadStateAsync();
        Assert.EndsWith("/docs/sdks", docs.Url);
        await Expect(docs.GetByTestId("sdk-node-install")).ToHaveTextAsync("npm install flux-pi-sdk");
        var readme = docs.GetByTestId("sdk-node-readme");
        await Expect(readme.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Credit Usage Example" })).ToBeVisibleAsync();
        await Expect(readme).ToContainTextAsync("flux.on('credit.used', (event) => {");
        await Expect(readme).ToContainTextAsync("} else if (error.type === 'rate_limit_exceeded') {");
        await docs.CloseAsync();
    });
}
