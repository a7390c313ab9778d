using System.Globalization;
using System.Net;
using System.Text.Json;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Api;

/// <summary>Orders created at the same moment share one commit (<see cref="GroupCommit"/>), and nothing else changes.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class OrderGroupCommitTests(FluxAppFactory app)
{
    private const int Parallel = 40;

    [Fact]
    public async Task Parallel_posts_each_get_the_order_that_was_committed_for_them()
    {
        var merchant = await app.NewApiMerchantAsync();
        var wallet = await app.AddUnwatchedWalletAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);

        var responses = await Task.WhenAll(Enumerable.Range(1, Parallel).Select(async i =>
        {
            using var request = IdempotentOrder(merchant.MerchantId, i);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (Number: i, Body: await response.JsonAsync());
        }));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        var rows = await db.Set<Order>().AsNoTracking().Where(o => o.MerchantId == merchant.MerchantId).ToDictionaryAsync(o => o.Id);
        Assert.Equal(Parallel, rows.Count);
        foreach (var (number, body) in responses)
        {
            var row = rows[body.GetProperty("order_id").GetString()!];
            Assert.Equal(number + 0.5m, row.Amount);
            Assert.Equal($"order {number}", row.Description);
            Assert.Equal(row.Amount, decimal.Parse(body.GetProperty("amount").GetRawText(), CultureInfo.InvariantCulture));
            Assert.Equal(wallet, row.PayTo);
        }
        var created = await db.Set<OutboxEvent>().AsNoTracking()
            .Where(e => e.MerchantId == merchant.MerchantId && e.Type == OrderCreated.Type).Select(e => e.Data).ToListAsync();
        Assert.Equal(rows.Keys.Order(), created.Select(d => JsonDocument.Parse(d).RootElement.GetProperty("order_id").GetString()!).Order());

        // Each key replays its own request's order, exactly as before group commit.
        var (replayedNumber, first) = responses[7];
        using var replay = IdempotentOrder(merchant.MerchantId, replayedNumber);
        using var replayed = await client.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.GetProperty("order_id").GetString(), (await replayed.JsonAsync()).GetProperty("order_id").GetString());
    }

    [Fact]
    public async Task A_failing_row_fails_alone_and_the_others_commit()
    {
        var (scope, wallet) = await app.NewMerchantWithWalletAsync(livemode: false);
        var writes = app.Services.GetRequiredService<GroupCommit>();
        var orders = Enumerable.Range(1, Parallel).Select(i => NewOrder(scope.MerchantId, wallet, i)).ToList();
        // The same id twice: whichever commits second breaks its transaction on the primary key.
        var duplicate = NewOrder(scope.MerchantId, wallet, 99, id: orders[0].Id);

        var commits = orders.Select(o => writes.CommitAsync([o])).Append(writes.CommitAsync([duplicate])).ToList();
        var outcomes = await Task.WhenAll(commits.Select(async c =>
        {
            try { await c; return null; }
            catch (Exception ex) when (ex is System.Data.Common.DbException or DbUpdateException) { return ex; }
        }));

        Assert.Single(outcomes, e => e is not null);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        Assert.Equal(Parallel, await db.Set<Order>().CountAsync(o => o.MerchantId == scope.MerchantId));
    }

    [Fact]
    public async Task A_caller_whose_event_fails_leaves_none_of_its_rows_behind()
    {
        var (scope, wallet) = await app.NewMerchantWithWalletAsync(livemode: false);
        var writes = app.Services.GetRequiredService<GroupCommit>();
        var stored = Outbox.Event(scope.MerchantId, false, new OrderCanceled("ord_stored"), DateTimeOffset.UtcNow);
        await writes.CommitAsync([stored]);
        var order = NewOrder(scope.MerchantId, wallet, 1);
        // Its event takes the stored event's id: the event's INSERT breaks after the order's went in.
        var clash = new OutboxEvent
        {
            Id = stored.Id, MerchantId = scope.MerchantId, Type = stored.Type, Data = stored.Data, CreatedAt = DateTimeOffset.UtcNow,
        };

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => writes.CommitAsync([order, clash]));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Set<Order>().AnyAsync(o => o.Id == order.Id));
    }

    /// <summary>Order number <paramref name="number"/>: amount number.5, its own description and idempotency key.</summary>
    private static HttpRequestMessage IdempotentOrder(string merchantId, int number)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/orders")
        {
            Content = new StringContent($$"""{"amount": {{number}}.5, "description": "order {{number}}"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", $"{merchantId}-{number}");
        return request;
    }

    private static Order NewOrder(string merchantId, Wallet wallet, int number, string? id = null) => new()
    {
        Id = id ?? PublicId.New("ord"), MerchantId = merchantId, Livemode = false, WalletId = wallet.Id, Network = wallet.Network,
        PayTo = wallet.Address, Amount = number, Status = OrderStatus.PendingConfirmation, CreatedAt = DateTimeOffset.UtcNow,
        ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
    };
}
