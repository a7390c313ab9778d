using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Crash;
using Flux.Dashboard.Tests.ScaleOut;
using Flux.Dashboard.Tests.Support;
using Flux.Dashboard.Tests.Webhooks;

namespace Flux.Dashboard.Tests.Health;

/// <summary>
/// Issue #24's <c>/metrics</c>: with <c>Flux:Metrics:Port</c> the built app serves Prometheus text on that port, on
/// 127.0.0.1, and never on its public port. A sandbox order confirmed and a webhook refused show in Flux's own
/// instruments beside ASP.NET Core's request durations.
/// </summary>
[Collection(CrashCheckCollection.Name)]
public sealed class MetricsTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly string SandboxLease = PaymentWatcher.LeaseName(ChainNetworkNames.Sandbox);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "flux-metrics", Guid.NewGuid().ToString("N"));
    private bool passed;

    [Fact]
    public async Task The_metrics_port_shows_a_confirmed_order_a_failed_webhook_the_watchers_lease_and_requests_and_the_public_port_does_not()
    {
        Directory.CreateDirectory(folder);
        var merchant = await CrashMerchant.CreateAsync(folder, orders: 5);
        await using var receiver = await WebhookReceiver.StartAsync(_ => 500);
        var metricsPort = FluxProcess.FreePort();
        await using var flux = FluxProcess.Start(folder, "Production", TestDatabaseEngine.With(folder, new Dictionary<string, string>
        {
            ["Flux:Metrics:Port"] = $"{metricsPort}",
            // The receiver listens on 127.0.0.1.
            ["Flux:Webhooks:AllowLoopback"] = "true",
        }), Path.Combine(folder, "flux-process.log"));
        await flux.WaitHealthyAsync(Limit);
        using var api = new HttpClient { BaseAddress = flux.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", merchant.SecretKey);
        using (var endpoint = await api.PostJsonAsync("/v1/webhook_endpoints",
                   JsonSerializer.Serialize(new { url = receiver.Url, enabled_events = new[] { OrderConfirmed.Type } })))
            Assert.Equal(HttpStatusCode.Created, endpoint.StatusCode);
        var before = await PrometheusText.ScrapeAsync(metricsPort);

        var orderId = await FluxInstances.CreateOrderAsync(api, 0);
        await FluxInstances.PayAsync(api, orderId);
        await receiver.WaitForAsync(1, Limit);
        var after = await ScrapeUntilAsync(metricsPort, m => m.Value("flux_webhooks_failed_attempts_total") >= 1);

        Assert.Null(before.Value("flux_orders_confirmed_total"));
        Assert.Equal(1, after.Value("flux_orders_confirmed_total", "mode=\"test\""));
        Assert.Equal(1, after.Value("flux_webhooks_failed_attempts_total"));
        Assert.Equal(1, after.Value("flux_lease_held", $"lease=\"{SandboxLease}\""));
        Assert.Equal(0, after.Value("flux_lease_held", "lease=\"flux:watcher:pi-mainnet\""));
        Assert.Equal(0, after.Value("flux_outbox_backlog"));
        Assert.InRange(after.Value("flux_watcher_lag_seconds", "network=\"sandbox\"") ?? -1, 0, Limit.TotalSeconds);
        Assert.Equal(1, after.Value("http_server_request_duration_seconds_count", "http_route=\"/v1/orders\"", "http_response_status_code=\"201\""));
        using (var publicPort = new HttpClient { BaseAddress = flux.BaseAddress })
        using (var refused = await publicPort.GetAsync("/metrics"))
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        passed = true;
    }

    public void Dispose()
    {
        TestDatabaseEngine.DropFor(folder);
        if (passed)
            Directory.Delete(folder, recursive: true);
    }

    private static async Task<PrometheusText> ScrapeUntilAsync(int port, Func<PrometheusText, bool> done)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var metrics = await PrometheusText.ScrapeAsync(port);
            if (done(metrics))
                return metrics;
            Assert.True(waited.Elapsed < Limit, $"The metrics did not show it within {Limit.TotalSeconds} s:\n{metrics.Text}");
            await Task.Delay(200);
        }
    }
}
