using System.Net;
using System.Text.Json;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Refunds;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Events;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Flux.Dashboard.Tests.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Refunds;

/// <summary>
/// Refunds end to end in the sandbox: the customer overpays through the sandbox ledger, the merchant's sandbox wallet
/// pays the refund back, and the real watcher path settles it; the SDK stream and a webhook see it (issue #28).
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class RefundSandboxTests(FluxAppFactory app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_overpaid_orders_excess_refunded_from_the_merchants_wallet_succeeds_with_its_transaction_on_the_stream_and_webhook()
    {
        var merchant = await app.NewApiMerchantAsync();
        var wallet = await app.AddWalletAsync(merchant.TestScope);
        await app.Services.GetRequiredService<WatchedWallets>().WatchAsync(ChainNetworkNames.Sandbox, wallet.Address);
        using var client = app.ApiClient(merchant.TestKey);
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = await app.CreateEndpointAsync(merchant.TestScope, receiver.Url, "refund.succeeded");
        await using var stream = await EventStreamClient.OpenAsync(app, merchant.TestKey, "?types=refund.*");
        var orderId = (await client.CreateOrderAsync(2m)).GetProperty("order_id").GetString()!;
        var overpaid = await app.Services.GetRequiredService<OrderPaymentSimulator>().PayAsync(merchant.TestScope, orderId, SimulatedPaymentKind.Overpay);
        Assert.True(overpaid.Succeeded, overpaid.Error?.Message);
        Assert.Equal(OrderStatus.Confirmed, (await app.WaitForStatusAsync(merchant.TestScope, orderId, OrderStatus.Confirmed, Patience)).Status);
        var credits = await app.Services.GetRequiredService<CreditService>().BalanceAsync(merchant.TestScope);

        var refund = await client.CreateRefundAsync($$"""{"order_id": "{{orderId}}"}""");
        var refundId = refund.GetProperty("refund_id").GetString()!;
        var sent = await app.Services.GetRequiredService<RefundPaymentSimulator>().PayAsync(merchant.TestScope, refundId);
        var succeeded = await WaitForRefundAsync(client, refundId, "succeeded");

        Assert.Equal(1m, refund.GetProperty("amount").GetDecimal());
        Assert.Equal(SandboxTestWallet.Address, refund.GetProperty("pay_to").GetString());
        Assert.True(sent.Succeeded, sent.Error?.Message);
        Assert.Equal(sent.Value!.TransactionHash, succeeded.GetProperty("transaction_hash").GetString());
        Assert.Equal(1m, succeeded.GetProperty("amount_refunded").GetDecimal());
        Assert.NotEqual(JsonValueKind.Null, succeeded.GetProperty("refunded_at").ValueKind);
        Assert.Equal(credits, await app.Services.GetRequiredService<CreditService>().BalanceAsync(merchant.TestScope));
        Assert.Equal(["refund.created", "refund.succeeded"], await StreamedTypesAsync(stream, refundId, count: 2));
        var webhook = Assert.Single(await receiver.WaitForAsync(1));
        Assert.True(webhook.SignatureVerifies(secret, out _));
        var data = JsonDocument.Parse(webhook.Body).RootElement.GetProperty("data");
        Assert.Equal(refundId, data.GetProperty("refund_id").GetString());
        Assert.Equal(sent.Value!.TransactionHash, data.GetProperty("transaction_hash").GetString());
    }

    [Fact]
    public async Task Half_of_a_refund_sent_leaves_it_partially_refunded()
    {
        var (scope, _) = await app.NewTestMerchantWithWatchedWalletAsync();
        var order = (await app.Services.GetRequiredService<OrderService>().CreateAsync(scope, new CreateOrderRequest(3m, null))).Value!;
        await app.Services.GetRequiredService<OrderPaymentSimulator>().PayAsync(scope, order.Id, SimulatedPaymentKind.Full);
        await app.WaitForStatusAsync(scope, order.Id, OrderStatus.Confirmed, Patience);
        var refunds = app.Services.GetRequiredService<RefundService>();
        var refund = (await refunds.CreateAsync(scope, new CreateRefundRequest(order.Id, null, Amount: 3m)))!.Value!;

        var sent = await app.Services.GetRequiredService<RefundPaymentSimulator>().PayAsync(scope, refund.Id, SimulatedPaymentKind.Partial);
        var deadline = DateTime.UtcNow + Patience;
        while ((await refunds.GetAsync(scope, refund.Id))!.Status == RefundStatus.Pending && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        var again = await app.Services.GetRequiredService<RefundPaymentSimulator>().PayAsync(scope, refund.Id);

        var partial = (await refunds.GetAsync(scope, refund.Id))!;
        Assert.True(sent.Succeeded, sent.Error?.Message);
        Assert.Equal(RefundStatus.PartiallyRefunded, partial.Status);
        Assert.Equal(1.5m, partial.AmountRefunded);
        Assert.False(again.Succeeded);
    }

    private static async Task<JsonElement> WaitForRefundAsync(HttpClient client, string refundId, string status)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var response = await client.GetAsync($"/v1/refunds/{refundId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var refund = await response.JsonAsync();
            if (refund.GetProperty("status").GetString() == status || DateTime.UtcNow > deadline)
                return refund;
            await Task.Delay(50);
        }
    }

    private static async Task<List<string>> StreamedTypesAsync(EventStreamClient stream, string refundId, int count)
    {
        var types = new List<string>();
        while (types.Count < count && await stream.NextFrameAsync() is { } frame)
        {
            if (frame.Event is { } type && frame.Json.GetProperty("data").GetProperty("refund_id").GetString() == refundId)
                types.Add(type);
        }
        return types;
    }
}
