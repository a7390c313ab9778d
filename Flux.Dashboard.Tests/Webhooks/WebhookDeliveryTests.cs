using System.Text.Json;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Webhooks;
using Flux.Dashboard.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Flux.Dashboard.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Tests.Webhooks;

/// <summary>Events reach a real receiver on loopback, signed, retried, logged, and a failing endpoint is switched off.</summary>
public sealed class WebhookDeliveryTests(WebhookDeliveryApp fixture) : IClassFixture<WebhookDeliveryApp>
{
    [Fact]
    public async Task A_receiver_on_loopback_gets_each_subscribed_event_once_signed_with_the_endpoint_secret()
    {
        var app = fixture.App;
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var bystander = await WebhookReceiver.StartAsync();
        var merchant = await app.NewApiMerchantAsync();
        var other = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        var (endpointId, secret) = await app.CreateEndpointAsync(merchant.TestScope, receiver.Url, "order.created");
        var bystanders = new[]
        {
            (merchant.TestScope, await app.CreateEndpointAsync(merchant.TestScope, bystander.Url, "order.confirmed")),
            (merchant.LiveScope, await app.CreateEndpointAsync(merchant.LiveScope, bystander.Url.Replace("http://127.0.0.1", "https://shop.example"), "*")),
            (other.TestScope, await app.CreateEndpointAsync(other.TestScope, bystander.Url, "*")),
        };
        using var client = app.ApiClient(merchant.TestKey);

        var orderId = await client.NewOrderEventAsync();

        var webhook = Assert.Single(await receiver.WaitForAsync(1));
        Assert.True(webhook.SignatureVerifies(secret, out var signedAt), $"Signature {webhook.Signature} does not verify");
        Assert.InRange(signedAt, fixture.Clock.GetUtcNow().AddSeconds(-5), fixture.Clock.GetUtcNow().AddSeconds(5));
        Assert.False(webhook.SignatureVerifies("whsec_" + new string('x', 32), out _));
        Assert.Equal("application/json", webhook.ContentType?.Split(';')[0]);
        var envelope = JsonDocument.Parse(webhook.Body).RootElement;
        Assert.Equal(["id", "object", "type", "created_at", "livemode", "data"], envelope.EnumerateObject().Select(p => p.Name));
        Assert.Equal("order.created", envelope.GetProperty("type").GetString());
        Assert.Equal(orderId, envelope.GetProperty("data").GetProperty("order_id").GetString());
        var log = Assert.Single(await app.WaitForDeliveriesAsync(merchant.TestScope, endpointId, l => l.Count == 1 && l[0].Delivery.State != WebhookDeliveryState.Pending));
        Assert.Equal(WebhookDeliveryState.Succeeded, log.Delivery.State);
        Assert.Equal(envelope.GetProperty("id").GetString(), log.Delivery.EventId);
        var attempt = Assert.Single(log.Attempts);
        Assert.Equal(webhook.Body, attempt.RequestBody);
        Assert.Equal(200, attempt.ResponseStatus);
        Assert.Equal("call 1: answered 200", attempt.ResponseExcerpt);

        // Settled: its one logged attempt was the one POST. The event's deliveries were all staged when it was dispatched.
        Assert.Single(receiver.Received);
        foreach (var (scope, (id, _)) in bystanders)
            Assert.Empty(await app.DeliveriesAsync(scope, id));
    }

    [Fact]
    public async Task The_sweep_starts_a_delivery_whose_job_was_lost_once_it_is_overdue_and_leaves_a_recent_one()
    {
        var app = fixture.App;
        await using var receiver = await WebhookReceiver.StartAsync();
        var merchant = await app.NewApiMerchantAsync();
        var (endpointId, _) = await app.CreateEndpointAsync(merchant.TestScope, receiver.Url);
        var now = fixture.Clock.GetUtcNow();
        // Committed with their events, but their jobs never ran (a crash between commit and enqueue).
        var lost = LostDelivery(endpointId, merchant.TestScope.MerchantId, "ord_lost", now.AddMinutes(-2));
        var recent = LostDelivery(endpointId, merchant.TestScope.MerchantId, "ord_recent", now);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync())
        {
            db.AddRange(lost, recent);
            await db.SaveChangesAsync();
        }

        await app.Services.GetRequiredService<WebhookDeliveries>().SweepAsync(CancellationToken.None);

        var webhook = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal(lost.EventId, JsonDocument.Parse(webhook.Body).RootElement.GetProperty("id").GetString());
        var logs = await app.WaitForDeliveriesAsync(merchant.TestScope, endpointId, l => l.Any(d => d.Delivery.State == WebhookDeliveryState.Succeeded));
        var left = logs.Single(l => l.Delivery.Id == recent.Id);
        Assert.Equal(WebhookDeliveryState.Pending, left.Delivery.State);
        Assert.Empty(left.Attempts);
        Assert.Single(receiver.Received);
    }

    private static WebhookDelivery LostDelivery(string endpointId, string merchantId, string orderId, DateTimeOffset at) =>
        WebhookDeliveries.New(endpointId, Outbox.Event(merchantId, false, (OrderCreated)OrderCreated.Example with { OrderId = orderId }, at), at);

    [Fact]
    public async Task Orders_posted_at_once_are_answered_with_their_events_dispatched_and_get_one_webhook_each()
    {
        const int Orders = 24;
        var app = fixture.App;
        await using var receiver = await WebhookReceiver.StartAsync();
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        var (endpointId, _) = await app.CreateEndpointAsync(merchant.TestScope, receiver.Url, "order.created");
        using var client = app.ApiClient(merchant.TestKey);

        var orderIds = await Task.WhenAll(Enumerable.Range(0, Orders).Select(_ => client.NewOrderEventAsync()));

        // Already when the API answers: the group commit that wrote the orders dispatched their events in the same transaction.
        await using (var db = await app.DbAsync())
        {
            var events = await db.Set<OutboxEvent>().AsNoTracking()
                .Where(e => e.MerchantId == merchant.MerchantId && e.Type == OrderCreated.Type).ToListAsync();
            Assert.Equal(Orders, events.Count);
            Assert.All(events, e => Assert.NotNull(e.DispatchedAt));
            var staged = await db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.EndpointId == endpointId).Select(d => d.EventId).ToListAsync();
            Assert.Equal(events.Select(e => e.Id).Order(), staged.Order());
        }
        var received = await receiver.WaitForAsync(Orders);
        // Settled, a delivery's logged attempts are every POST it made.
        var logs = await app.WaitForDeliveriesAsync(merchant.TestScope, endpointId, l => l.Count == Orders && l.All(Settled));
        Assert.All(logs, l => Assert.Single(l.Attempts));
        Assert.Equal(Orders, receiver.Received.Count);
        Assert.Equal(orderIds.Order(), received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("order_id").GetString()).Order());
    }

    [Fact]
    public async Task A_receiver_that_fails_three_times_then_succeeds_has_four_attempts_logged_and_one_success()
    {
        var app = fixture.App;
        await using var receiver = await WebhookReceiver.StartAsync(call => call <= 3 ? 500 : 200);
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        var (endpointId, secret) = await app.CreateEndpointAsync(merchant.TestScope, receiver.Url);
        using var client = app.ApiClient(merchant.TestKey);

        await client.NewOrderEventAsync();

        var log = Assert.Single(await app.WaitForDeliveriesAsync(merchant.TestScope, endpointId,
            l => l.Count == 1 && l[0].Delivery.State == WebhookDeliveryState.Succeeded));
        Assert.Equal([1, 2, 3, 4], log.Attempts.Select(a => a.Number));
        Assert.Equal([500, 500, 500, 200], log.Attempts.Select(a => a.ResponseStatus));
        Assert.Single(log.Attempts, a => a.Succeeded);
        Assert.Equal(4, log.Delivery.Attempts);
        Assert.Null(log.Delivery.NextAttemptAt);
        Assert.All(log.Attempts, a => Assert.True(a.DurationMs >= 0));
        var received = receiver.Received;
        Assert.Equal(4, received.Count);
        Assert.All(received, r => Assert.True(r.SignatureVerifies(secret, out _)));
        Assert.Single(received.Select(r => r.Body).Distinct());
        Assert.Null((await app.EndpointAsync(endpointId)).FailingSince);
    }

    [Fact]
    public async Task An_endpoint_failing_for_three_days_is_disabled_and_its_merchant_gets_one_mail()
    {
        var app = fixture.App;
        await using var receiver = await WebhookReceiver.StartAsync(_ => 503);
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        // Only order.created: moving the clock also expires the orders, and their order.expired events are not part of this story.
        var (endpointId, _) = await app.CreateEndpointAsync(merchant.TestScope, receiver.Url, "order.created");
        using var client = app.ApiClient(merchant.TestKey);

        await client.NewOrderEventAsync();
        var first = Assert.Single(await app.WaitForDeliveriesAsync(merchant.TestScope, endpointId,
            l => l.Count == 1 && l[0].Delivery.State == WebhookDeliveryState.Failed));
        Assert.Equal(WebhookDeliveryApp.Attempts, first.Attempts.Count);
        Assert.Equal(WebhookEndpointStatus.Enabled, (await app.EndpointAsync(endpointId)).Status);

        fixture.Clock.Advance(TimeSpan.FromDays(2));
        await client.NewOrderEventAsync();
        await app.WaitForDeliveriesAsync(merchant.TestScope, endpointId, l => l.Count == 2 && l.All(d => d.Delivery.State == WebhookDeliveryState.Failed));
        Assert.Equal(WebhookEndpointStatus.Enabled, (await app.EndpointAsync(endpointId)).Status);

        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await client.NewOrderEventAsync();
        await app.WaitForDeliveriesAsync(merchant.TestScope, endpointId, l => l.Count == 3 && l.All(d => d.Delivery.State == WebhookDeliveryState.Failed));

        Assert.Equal(WebhookEndpointStatus.Disabled, (await app.EndpointAsync(endpointId)).Status);
        // Its order.created is dispatched, deliveries staged, in the transaction that answers the API.
        await client.NewOrderEventAsync();
        Assert.Equal(3, (await app.DeliveriesAsync(merchant.TestScope, endpointId)).Count);
        var mails = Mails(merchant.Email);
        var mail = Assert.Single(mails);
        Assert.Contains("Subject: Flux disabled a failing webhook endpoint", mail);
        Assert.Contains(endpointId, mail);
    }

    [Fact]
    public async Task An_endpoint_turned_back_on_at_a_new_url_through_the_api_gets_the_next_event_signed_with_its_secret()
    {
        var app = fixture.App;
        await using var receiver = await WebhookReceiver.StartAsync();
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        var (endpointId, secret) = await app.CreateEndpointAsync(merchant.TestScope, "http://127.0.0.1:9/gone", "order.created");
        using var client = app.ApiClient(merchant.TestKey);
        using var off = await client.PostJsonAsync($"/v1/webhook_endpoints/{endpointId}", """{"disabled": true}""");
        await client.NewOrderEventAsync();
        Assert.Empty(await app.DeliveriesAsync(merchant.TestScope, endpointId));

        using var on = await client.PostJsonAsync($"/v1/webhook_endpoints/{endpointId}",
            JsonSerializer.Serialize(new { url = receiver.Url, disabled = false }));
        var orderId = await client.NewOrderEventAsync();

        await app.WaitForDeliveriesAsync(merchant.TestScope, endpointId, l => l.Count == 1 && l[0].Delivery.State == WebhookDeliveryState.Succeeded);
        var received = Assert.Single(receiver.Received);
        Assert.True(received.SignatureVerifies(secret, out _));
        Assert.Contains(orderId, received.Body);
    }

    [Fact]
    public async Task A_test_event_goes_to_its_endpoint_only_and_is_logged()
    {
        var app = fixture.App;
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sibling = await WebhookReceiver.StartAsync();
        var merchant = await app.NewApiMerchantAsync();
        var (endpointId, secret) = await app.CreateEndpointAsync(merchant.TestScope, receiver.Url);
        var (siblingId, _) = await app.CreateEndpointAsync(merchant.TestScope, sibling.Url);

        var delivery = await app.Services.GetRequiredService<WebhookEndpointService>().SendTestEventAsync(merchant.TestScope, endpointId);

        Assert.NotNull(delivery);
        var webhook = Assert.Single(await receiver.WaitForAsync(1));
        Assert.True(webhook.SignatureVerifies(secret, out _));
        var envelope = JsonDocument.Parse(webhook.Body).RootElement;
        Assert.Equal(WebhookEndpointService.TestEventType, envelope.GetProperty("type").GetString());
        Assert.Equal(endpointId, envelope.GetProperty("data").GetProperty("webhook_endpoint_id").GetString());
        var log = Assert.Single(await app.WaitForDeliveriesAsync(merchant.TestScope, endpointId, l => l.Count == 1 && l[0].Delivery.State == WebhookDeliveryState.Succeeded));
        Assert.Equal(delivery.Id, log.Delivery.Id);
        Assert.Empty(await app.DeliveriesAsync(merchant.TestScope, siblingId));
        Assert.Null(await app.Services.GetRequiredService<WebhookEndpointService>().SendTestEventAsync((await app.NewApiMerchantAsync()).TestScope, endpointId));
    }

    private IReadOnlyList<string> Mails(string to)
    {
        var folder = Path.Combine(fixture.App.DataFolder, "mail");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText).Where(m => m.Contains($"To: {to}")).ToList()
            : [];
    }

    private static bool Settled(WebhookDeliveryLog log) =>
        log.Delivery.State != WebhookDeliveryState.Pending && log.Delivery.NextAttemptAt is null;
}
