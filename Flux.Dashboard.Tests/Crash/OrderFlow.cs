using System.Globalization;
using System.Text.Json;
using Flux.Dashboard.Chain;

namespace Flux.Dashboard.Tests.Crash;

/// <summary>
/// One customer's way through Flux: <c>POST /v1/orders</c> on the sandbox test wallet (its key is also the order's
/// description, so the database tells how many orders the key made), then <c>POST /v1/sandbox/payments</c> for the
/// order the first post answered with, under a key of its own.
/// </summary>
internal sealed class OrderFlow
{
    public OrderFlow(int number, decimal amount)
    {
        var key = $"order-{number}";
        var body = $$"""{"amount": {{amount.ToString(CultureInfo.InvariantCulture)}}, "description": "{{key}}", "merchant_wallet": "{{SandboxTestWallet.Address}}"}""";
        Number = number;
        Order = new IdempotentPost(key, "/v1/orders", body);
    }

    public int Number { get; }

    public IdempotentPost Order { get; }

    /// <summary>Made once the order's id is known; a flow whose order post has no result pays nothing.</summary>
    public IdempotentPost? Payment { get; private set; }

    /// <summary>The order's id from the order post's 201.</summary>
    public string? OrderId => Order.Answer is { Status: 201 } created
        ? JsonDocument.Parse(created.Body).RootElement.GetProperty("order_id").GetString()
        : null;

    public IEnumerable<IdempotentPost> Posts => Payment is null ? [Order] : [Order, Payment];

    public bool IsSettled => Order.IsSettled && (OrderId is null || Payment is { IsSettled: true });

    /// <summary>Takes the flow as far as Flux answers; false when a post got no answer (Flux is down).</summary>
    public async Task<bool> AdvanceAsync(HttpClient client)
    {
        if (!Order.IsSettled && !await Order.SendAsync(client))
            return false;
        if (OrderId is not { } orderId)
            return true;
        Payment ??= new IdempotentPost($"pay-{Number}", "/v1/sandbox/payments", $$"""{"order_id": "{{orderId}}"}""");
        return Payment.IsSettled || await Payment.SendAsync(client);
    }
}
