using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Accounts;

namespace Flux.Dashboard.Features.Orders;

public enum SimulatedPaymentKind
{
    /// <summary>What is still due (the whole amount if nothing is due any more).</summary>
    Full,
    /// <summary>Half of what is due.</summary>
    Partial,
    /// <summary>What is due plus 1 Pi.</summary>
    Overpay,
    /// <summary>What is due, with a memo that names no order: it ends up unmatched.</summary>
    WrongMemo,
}

/// <summary>A simulated payment the sandbox took: what the merchant is told, what was sent, and its transaction.</summary>
public sealed record SimulatedPaymentSent(string Message, decimal Amount, string? TransactionHash);

/// <summary>
/// "Simulate payment" on a test order: pays it from the sandbox test wallet through the sandbox ledger, so the whole real
/// path runs (sandbox Horizon → watcher → confirmation → events). It never touches the order itself.
/// </summary>
public sealed class OrderPaymentSimulator(OrderService orders, SandboxLedger ledger, WatchedWallets watched)
{
    /// <summary>A text memo no order id can equal (order ids start with <c>ord_</c>).</summary>
    public const string WrongMemo = "flux-test-wrong-memo";

    public static decimal AmountFor(Order order, SimulatedPaymentKind kind) => AmountFor(order.Amount - order.AmountReceived, order.Amount, kind);

    /// <summary>What a simulated payment of the kind sends when <paramref name="due"/> is still due on <paramref name="price"/>.</summary>
    public static decimal AmountFor(decimal due, decimal price, SimulatedPaymentKind kind)
    {
        if (due <= 0)
            due = price;
        return kind switch
        {
            SimulatedPaymentKind.Partial => Math.Max(Math.Round(due / 2, OrderRules.MaxDecimals, MidpointRounding.ToZero), 0.0000001m),
            SimulatedPaymentKind.Overpay => due + 1,
            _ => due,
        };
    }

    public async Task<ServiceResult<SimulatedPaymentSent>> PayAsync(MerchantScope scope, string orderId, SimulatedPaymentKind kind, CancellationToken cancellationToken = default)
    {
        if (scope.Livemode)
            return ServiceResult<SimulatedPaymentSent>.Invalid("", "Payments can only be simulated in test mode.");
        var order = await orders.GetAsync(scope, orderId, cancellationToken);
        if (order is null)
            return ServiceResult<SimulatedPaymentSent>.NotFound("", "No such order in test mode.");
        if (order.Network != ChainNetworkNames.Sandbox)
            return ServiceResult<SimulatedPaymentSent>.Invalid("", $"This order is paid on {order.Network}; only sandbox orders can be paid by simulation.");
        if (!watched.IsWatched(order.Network, order.PayTo))
            return ServiceResult<SimulatedPaymentSent>.Invalid("", $"Flux is not watching the wallet {order.PayTo}, so it would never see this payment. Add the wallet again on the Wallets page.");

        var amount = AmountFor(order, kind);
        var memo = kind == SimulatedPaymentKind.WrongMemo ? WrongMemo : order.Memo;
        var paid = await ledger.PayFromTestWalletAsync(order.PayTo, amount, memo, cancellationToken: cancellationToken);
        if (!paid.Succeeded)
            return ServiceResult<SimulatedPaymentSent>.Invalid("", $"The sandbox refused the payment: {paid.Error}");
        return ServiceResult<SimulatedPaymentSent>.Ok(new(kind == SimulatedPaymentKind.WrongMemo
                ? $"Sent {PiFormat.Amount(amount)} Pi with the memo \"{WrongMemo}\": it names no order, so it shows as an unmatched payment."
                : $"Sent {PiFormat.Amount(amount)} Pi from the sandbox test wallet. The order updates as soon as Flux sees it on the ledger.",
            amount, paid.Transaction?.Hash));
    }
}
