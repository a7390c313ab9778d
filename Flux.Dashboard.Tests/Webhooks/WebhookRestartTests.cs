using System.Text.Json;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Webhooks;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Tests.Webhooks;

/// <summary>Events written while Flux was down are delivered after it starts again, each exactly once.</summary>
public sealed class WebhookRestartTests
{
    [Fact]
    public async Task Events_left_undispatched_while_flux_was_stopped_are_each_delivered_once_after_the_restart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "flux-tests", Guid.NewGuid().ToString("N"));
        await using var receiver = await WebhookReceiver.StartAsync();
        MerchantScope scope;
        string endpointId, secret;
        using (var first = FluxAppFactory.Start(folder, WebhookDeliveryApp.ImmediateRetries))
        {
            scope = new(await first.CreateMerchantAsync($"restart-{Guid.NewGuid():N}@shop.test"), false);
            (endpointId, secret) = await first.CreateEndpointAsync(scope, receiver.Url, "order.confirmed");
        }

        var eventIds = await AppendWhileStoppedAsync(folder, scope, count: 5);

        using var second = FluxAppFactory.Start(folder, WebhookDeliveryApp.ImmediateRetries);
        await receiver.WaitForAsync(eventIds.Count);
        // Settled, the deliveries' logged attempts are every POST they made.
        var logs = await second.WaitForDeliveriesAsync(scope, endpointId,
            l => l.Count == eventIds.Count && l.All(d => d.Delivery.State == WebhookDeliveryState.Succeeded));

        var received = receiver.Received;
        Assert.Equal(eventIds.Count, received.Count);
        Assert.All(received, r => Assert.True(r.SignatureVerifies(secret, out _)));
        Assert.Equal(eventIds.Order(), received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetString()!).Order());
        Assert.All(logs, l => Assert.Single(l.Attempts));
    }

    /// <summary>What a crash leaves behind: events committed with their change but not yet dispatched.</summary>
    private static async Task<IReadOnlyList<string>> AppendWhileStoppedAsync(string folder, MerchantScope scope, int count)
    {
        await using var db = TestDatabaseEngine.ContextFor(folder);
        var events = Enumerable.Range(0, count)
            .Select(i => Outbox.Append(db, scope.MerchantId, scope.Livemode, (OrderConfirmed)OrderConfirmed.Example with { OrderId = $"ord_restart{i}" }, DateTimeOffset.UtcNow))
            .ToList();
        await db.SaveChangesAsync();
        return events.Select(e => e.Id).ToList();
    }
}
