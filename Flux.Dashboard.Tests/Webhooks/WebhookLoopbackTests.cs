using System.Net;
using System.Text.Json;
using Flux.Dashboard.Features.Webhooks;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Webhooks;

/// <summary>
/// Where the operator does not allow loopback (<c>Flux:Webhooks:AllowLoopback</c>, off outside local development), a
/// test-mode endpoint is held to the live rule: HTTPS to a public address, checked when it is saved and again when Flux
/// connects, so a merchant cannot make Flux read this machine's or its network's services.
/// </summary>
public sealed class WebhookLoopbackTests : IDisposable
{
    private readonly FluxAppFactory app = FluxAppFactory.Start(null, new Dictionary<string, string?> { ["Flux:Webhooks:AllowLoopback"] = "false" });

    public void Dispose() => app.Dispose();

    [Theory]
    [InlineData("http://localhost:4242/flux")]
    [InlineData("https://localhost/hook")]
    [InlineData("http://127.0.0.1:9000/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("http://0x7f000001/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    public async Task A_test_mode_endpoint_on_this_machine_is_refused(string url)
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.TestKey);

        using var response = await client.PostJsonAsync("/v1/webhook_endpoints", JsonSerializer.Serialize(new { url, enabled_events = new[] { "*" } }));

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "url");
    }

    [Fact]
    public async Task A_test_mode_delivery_never_connects_to_loopback()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var sender = app.Services.GetRequiredService<WebhookSender>();

        foreach (var url in new[] { receiver.Url, receiver.Url.Replace("127.0.0.1", "localhost") })
        {
            var attempt = await sender.SendAsync(
                WebhookPublicAddressTests.Endpoint(url, livemode: false), WebhookPublicAddressTests.Delivery(), 1, CancellationToken.None);

            Assert.Null(attempt.ResponseStatus);
            Assert.Null(attempt.ResponseExcerpt);
            Assert.Contains("does not resolve to a public address", attempt.Error);
        }
        Assert.Empty(receiver.Received);
    }
}
