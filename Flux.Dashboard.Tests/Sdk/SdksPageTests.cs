using System.Net;
using System.Text.RegularExpressions;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Sdk;

/// <summary><c>/docs/sdks</c>: public, with the Node SDK's install line and its README (the seed's samples in it).</summary>
[Collection(FluxAppCollection.Name)]
public sealed partial class SdksPageTests(FluxAppFactory app)
{
    [Fact]
    public async Task The_sdks_page_is_public_and_shows_the_install_line_and_the_node_readme()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/docs/sdks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/docs/sdks", response.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<pre data-testid=\"sdk-node-install\">npm install flux-pi-sdk</pre>", html);

        var readme = await File.ReadAllTextAsync(Path.Combine(SdkTestRun.SdkFolder("node"), "README.md"));
        var headings = Heading().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("Credit Usage Example", headings);
        Assert.Contains("Handling Errors", headings);
        foreach (var heading in headings)
            Assert.Contains($"<h2>{heading}</h2>", html);
        Assert.Contains("const credits = await flux.credits.getBalance();", html);
        Assert.Contains("console.log(`Credit used for order ${event.orderId}`);", html);
        Assert.Contains("merchantWallet: 'YOUR_PI_WALLET', // Payments go directly here", html);
        Assert.Contains("error.type === 'rate_limit_exceeded'", html);
        Assert.Contains("<table>", html);
    }

    [GeneratedRegex("^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
