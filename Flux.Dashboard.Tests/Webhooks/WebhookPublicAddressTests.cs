using Flux.Dashboard.Features.Webhooks;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Webhooks;

/// <summary>
/// A live endpoint whose host points into a private network by the time Flux sends (DNS rebinding, or a row older than
/// the rules) is refused at connection time; test mode may still reach a local server where the operator allows loopback
/// (this app runs with the repository's Development settings).
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class WebhookPublicAddressTests(FluxAppFactory app)
{
    [Fact]
    public async Task A_live_delivery_never_connects_to_a_loopback_address_while_a_test_delivery_may()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var sender = app.Services.GetRequiredService<WebhookSender>();
        var localhostUrl = receiver.Url.Replace("127.0.0.1", "localhost");

        var live = await sender.SendAsync(Endpoint(localhostUrl, livemode: true), Delivery(), 1, CancellationToken.None);
        var test = await sender.SendAsync(Endpoint(localhostUrl, livemode: false), Delivery(), 1, CancellationToken.None);

        Assert.Null(live.ResponseStatus);
        Assert.Contains("localhost does not resolve to a public address", live.Error);
        Assert.Equal(200, test.ResponseStatus);
        Assert.Single(receiver.Received);
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("2a00:1450:4001:82b::200e", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("192.0.0.8", false)]
    [InlineData("192.0.2.1", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("198.19.255.255", false)]
    [InlineData("198.51.100.7", false)]
    [InlineData("203.0.113.7", false)]
    [InlineData("224.0.0.251", false)]
    [InlineData("240.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::127.0.0.1", false)]
    [InlineData("64:ff9b::7f00:1", false)]
    [InlineData("64:ff9b:1::a00:1", false)]
    [InlineData("2002:7f00:1::1", false)]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("100::1", false)]
    public void Only_public_addresses_count_as_public(string address, bool isPublic) =>
        Assert.Equal(isPublic, PublicAddresses.IsPublic(System.Net.IPAddress.Parse(address)));

    internal static WebhookEndpoint Endpoint(string url, bool livemode) => new()
    {
        Id = "we_test", MerchantId = "m", Livemode = livemode, Url = url, Secret = "whsec_" + new string('s', 32),
    };

    internal static WebhookDelivery Delivery() => new()
    {
        Id = "whd_test", EndpointId = "we_test", EventId = "evt_test", EventType = "order.created", Payload = """{"id":"evt_test"}""",
    };
}
