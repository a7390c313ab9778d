using System.Net;
using System.Text.RegularExpressions;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Sdk;

/// <summary>
/// <c>/docs/sdks</c>: public, with the product docs' three install lines, each SDK's README and in it the product docs' samples in
/// that SDK's language and how to verify a webhook.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed partial class SdksPageTests(FluxAppFactory app)
{
    public static TheoryData<string, string, string[]> Sdks() => new()
    {
        {
            "node", "npm install flux-pi-sdk",
            [
                "const credits = await flux.credits.getBalance();",
                "console.log(`Credit used for order ${event.orderId}`);",
                "merchantWallet: 'YOUR_PI_WALLET', // Payments go directly here",
                "} else if (error.type === 'rate_limit_exceeded') {",
                "flux.webhooks.verify(req.body, req.get('Flux-Signature'), process.env.FLUX_WEBHOOK_SECRET)",
            ]
        },
        {
            "ruby", "gem install flux-pi-sdk",
            [
                "credits = flux.credits.get_balance",
                "puts \"Credit used for order #{event.order_id}\"",
                "merchant_wallet: \"YOUR_PI_WALLET\", # Payments go directly here",
                "rescue Flux::RateLimitError",
                "event = Flux::Webhook.construct_event(request.raw_post, request.headers[\"Flux-Signature\"], ENV.fetch(\"FLUX_WEBHOOK_SECRET\"))",
            ]
        },
        {
            "go", "go get github.com/flux/flux-pi-sdk",
            [
                "credits, err := client.Credits.GetBalance(ctx)",
                "fmt.Printf(\"Credit used for order %s\\n\", event.OrderID)",
                "MerchantWallet: \"YOUR_PI_WALLET\", // Payments go directly here",
                "case fluxErr.Type == flux.RateLimitExceeded:",
                "event, err := flux.ConstructEvent(payload, r.Header.Get(\"Flux-Signature\"), os.Getenv(\"FLUX_WEBHOOK_SECRET\"), 5*time.Minute)",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Sdks))]
    public async Task The_sdks_page_is_public_and_shows_the_install_line_the_readme_and_its_samples(string sdk, string installLine, string[] samples)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/docs/sdks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/docs/sdks", response.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<pre data-testid=\"sdk-{sdk}-install\">{installLine}</pre>", html);
        Assert.Contains($"<a href=\"#{sdk}\">", html);
        var start = html.IndexOf($"data-testid=\"sdk-{sdk}-readme\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no README of {sdk} on the page");
        var article = WebUtility.HtmlDecode(html[start..html.IndexOf("</article>", start, StringComparison.Ordinal)]);

        var readme = await File.ReadAllTextAsync(Path.Combine(SdkTestRun.SdkFolder(sdk), "README.md"));
        var headings = Heading().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("Credit Usage Example", headings);
        Assert.Contains("Code Example", headings);
        Assert.Contains("Handling Errors", headings);
        Assert.Contains("Webhooks", headings);
        foreach (var heading in headings)
            Assert.Contains($"<h2>{heading}</h2>", article);
        foreach (var sample in samples)
            Assert.Contains(sample, article);
        Assert.DoesNotContain("not published yet", html);
    }

    [GeneratedRegex("^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
