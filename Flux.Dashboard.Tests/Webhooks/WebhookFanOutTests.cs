using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Webhooks;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Tests.Webhooks;

/// <summary>The fan-out's own SQL picks exactly the endpoints that hear an event: its merchant and mode, enabled, subscribed.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class WebhookFanOutTests(FluxAppFactory app)
{
    [Fact]
    public async Task Each_event_is_staged_once_for_every_enabled_endpoint_of_its_merchant_and_mode_that_subscribes_to_it()
    {
        var merchant = await app.CreateMerchantAsync($"fanout-{Guid.NewGuid():N}@shop.test");
        var other = await app.CreateMerchantAsync($"fanout-{Guid.NewGuid():N}@shop.test");
        var (test, live, otherTest) = (new MerchantScope(merchant, false), new MerchantScope(merchant, true), new MerchantScope(other, false));
        var all = await app.CreateEndpointAsync(test, "https://shop.example/all", "*");
        var created = await app.CreateEndpointAsync(test, "https://shop.example/created", "order.created", "order.expired");
        await app.CreateEndpointAsync(test, "https://shop.example/confirmed", "order.confirmed");
        var liveAll = await app.CreateEndpointAsync(live, "https://shop.example/live", "*");
        var disabled = await app.CreateEndpointAsync(test, "https://shop.example/disabled", "*");
        await app.Services.GetRequiredService<WebhookEndpointService>().UpdateAsync(test, disabled.Id, new WebhookEndpointChange(Disabled: true));
        var otherAll = await app.CreateEndpointAsync(otherTest, "https://shop.example/other", "*");
        var now = DateTimeOffset.UtcNow;
        OutboxEvent[] batch =
        [
            Outbox.Event(merchant, false, (OrderCreated)OrderCreated.Example, now),
            Outbox.Event(merchant, true, (OrderCreated)OrderCreated.Example, now),
            Outbox.Event(other, false, (OrderConfirmed)OrderConfirmed.Example, now),
            Outbox.Event(merchant, false, (CreditUsed)CreditUsed.Example, now),
        ];
        string[] expected =
        [
            $"{batch[0].Id} {all.Id}", $"{batch[0].Id} {created.Id}", $"{batch[1].Id} {liveAll.Id}",
            $"{batch[2].Id} {otherAll.Id}", $"{batch[3].Id} {all.Id}",
        ];
        var fanOut = app.Services.GetServices<IOutboxFanOut>().OfType<WebhookFanOut>().Single();

        // As the paced dispatcher calls it (inside its transaction) and as the group commit does (on a connection it keeps
        // open, batch after batch), and on a closed connection.
        await using var db = await app.DbAsync();
        Assert.Equal(expected.Order(), await StagedAsync(fanOut, db, batch));
        await db.Database.OpenConnectionAsync();
        await using (await db.Database.BeginTransactionAsync())
            Assert.Equal(expected.Order(), await StagedAsync(fanOut, db, batch));
        Assert.Equal(expected.Order(), await StagedAsync(fanOut, db, batch));
        Assert.Equal(System.Data.ConnectionState.Open, db.Database.GetDbConnection().State);
    }

    private static async Task<IEnumerable<string>> StagedAsync(WebhookFanOut fanOut, FluxDbContext db, IReadOnlyList<OutboxEvent> batch)
    {
        db.ChangeTracker.Clear();
        await fanOut.StageAsync(db, batch, CancellationToken.None);
        return db.ChangeTracker.Entries<WebhookDelivery>().Select(e => $"{e.Entity.EventId} {e.Entity.EndpointId}").Order();
    }
}
