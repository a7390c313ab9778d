using Flux.Dashboard.Chain;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Features.Checkout;

/// <summary>What the checkout shows the customer once the order is paid: the amount, when, and the payment on chain.</summary>
public sealed record CheckoutReceipt(decimal Amount, DateTimeOffset At, string? TransactionHash, string? ExplorerUrl)
{
    /// <summary>The receipt of a confirmed order; null for any other status.</summary>
    public static CheckoutReceipt? For(Order order, ChainNetworkOptions network) =>
        order.Status != OrderStatus.Confirmed
            ? null
            : new CheckoutReceipt(order.AmountReceived, order.PaidAt ?? order.ConfirmedAt ?? order.CreatedAt, order.TransactionHash,
                order.TransactionHash is { } hash ? network.ExplorerUrlFor(hash) : null);
}
