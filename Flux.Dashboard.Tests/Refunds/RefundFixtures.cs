using System.Net;
using System.Text.Json;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Refunds;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Refunds;

/// <summary>Orders paid by a known customer, and refund payments handed to the sink exactly as the watcher hands them.</summary>
internal static class RefundFixtures
{
    /// <summary>An order of <paramref name="price"/> Pi (over the API) that <paramref name="customer"/> paid <paramref name="paid"/> Pi.</summary>
    public static async Task<(string OrderId, ObservedPayment Payment)> PaidOrderAsync(
        this FluxAppFactory app, HttpClient client, decimal price, decimal paid, string customer)
    {
        var orderId = (await client.CreateOrderAsync(price)).GetProperty("order_id").GetString()!;
        var order = (await app.Services.GetRequiredService<OrderService>().FindPublicAsync(orderId))!;
        var payment = OrderFixtures.PaymentFor(order, paid);
        payment = payment with { Record = payment.Record with { From = customer } };
        await app.Services.GetRequiredService<IPaymentSink>().HandleAsync(payment, CancellationToken.None);
        return (orderId, payment);
    }

    /// <summary>The merchant's payment out of <paramref name="from"/> (by default the refund's wallet) to its customer, as the watcher hands it over.</summary>
    public static ObservedPayment RefundPayment(Refund refund, decimal amount, string? to = null, string? from = null)
    {
        // Horizon's times are whole seconds, as the refund keeps them.
        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3);
        var payment = OrderFixtures.Payment(refund.Network, to ?? refund.PayTo, amount, refund.Memo, at);
        return payment with
        {
            Wallet = from ?? refund.PayFrom,
            Record = payment.Record with { From = from ?? refund.PayFrom },
            Direction = PaymentDirection.Outgoing,
        };
    }

    public static async Task<JsonElement> CreateRefundAsync(this HttpClient client, string body)
    {
        using var response = await client.PostJsonAsync("/v1/refunds", body);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json;
    }
}
