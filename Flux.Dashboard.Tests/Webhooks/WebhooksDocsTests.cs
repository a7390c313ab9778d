using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Flux.Dashboard.Features.Webhooks;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Webhooks;

/// <summary><c>/docs/webhooks</c>: its JavaScript check, taken from the served page, run in node against real signed deliveries.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class WebhooksDocsTests(FluxAppFactory app)
{
    [Fact]
    public async Task The_docs_page_is_public_and_shows_both_samples()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/docs/webhooks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(WebhookSignatureSamples.JavaScriptVerify, Sample(html, "sample-js-verify"));
        Assert.Equal(WebhookSignatureSamples.CSharpVerify, Sample(html, "sample-csharp-verify"));
        Assert.Contains("crypto.timingSafeEqual", WebhookSignatureSamples.JavaScriptVerify);
        Assert.Contains("order.confirmed", html);
    }

    [Fact]
    public async Task The_javascript_sample_accepts_a_real_delivery_and_refuses_tampered_foreign_or_old_ones()
    {
        using var client = app.CreateClient();
        var sample = Sample(await client.GetStringAsync("/docs/webhooks"), "sample-js-verify");
        await using var receiver = await WebhookReceiver.StartAsync();
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        var (_, secret) = await app.CreateEndpointAsync(merchant.TestScope, receiver.Url, "order.created");
        using var api = app.ApiClient(merchant.TestKey);
        await api.NewOrderEventAsync();
        var delivery = Assert.Single(await receiver.WaitForAsync(1));
        var now = DateTimeOffset.UtcNow;

        Assert.True(await VerifyInNodeAsync(sample, delivery.Body, delivery.Signature, secret));
        Assert.False(await VerifyInNodeAsync(sample, delivery.Body.Replace("order.created", "order.confirmed"), delivery.Signature, secret));
        Assert.False(await VerifyInNodeAsync(sample, delivery.Body, delivery.Signature, "whsec_" + new string('A', 32)));
        Assert.False(await VerifyInNodeAsync(sample, delivery.Body, WebhookSignature.Sign(secret, now.AddMinutes(-6), delivery.Body), secret));
        Assert.True(await VerifyInNodeAsync(sample, delivery.Body, WebhookSignature.Sign(secret, now.AddMinutes(-4), delivery.Body), secret));
        Assert.False(await VerifyInNodeAsync(sample, delivery.Body, "t=abc,v1=00", secret));
    }

    private static async Task<bool> VerifyInNodeAsync(string sample, string body, string header, string secret)
    {
        var folder = Directory.CreateTempSubdirectory("flux-webhook-js").FullName;
        try
        {
            var input = Path.Combine(folder, "input.json");
            await File.WriteAllTextAsync(input, JsonSerializer.Serialize(new[] { body, header, secret }));
            var script = Path.Combine(folder, "verify.js");
            await File.WriteAllTextAsync(script, sample + """

                const [body, header, secret] = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
                process.stdout.write(String(verifyFluxSignature(body, header, secret)));
                """);
            using var node = Process.Start(new ProcessStartInfo("node", [script, input]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await node.StandardOutput.ReadToEndAsync();
            var error = await node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            Assert.True(node.ExitCode == 0, error);
            return output switch
            {
                "true" => true,
                "false" => false,
                _ => throw new Xunit.Sdk.XunitException($"node printed '{output}' ({error})"),
            };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The text of the page's sample block, as a reader copies it.</summary>
    private static string Sample(string html, string testId)
    {
        var match = Regex.Match(html, $"<pre data-testid=\"{testId}\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No {testId} block on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
