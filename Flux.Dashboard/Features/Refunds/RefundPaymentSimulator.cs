using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Common;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Features.Refunds;

/// <summary>
/// "Simulate refund" on a test refund: the merchant's sandbox wallet pays the customer with the refund's memo through
/// the sandbox ledger, so the whole real path runs (sandbox Horizon → watcher → <see cref="RefundPayments"/> → events).
/// It never touches the refund itself.
/// </summary>
public sealed class RefundPaymentSimulator(RefundService refunds, SandboxLedger ledger, WatchedWallets watched)
{
    /// <param name="kind"><see cref="SimulatedPaymentKind.Full"/> sends the refund's amount, <see cref="SimulatedPaymentKind.Partial"/> half of it.</param>
    public async Task<ServiceResult<SimulatedPaymentSent>> PayAsync(MerchantScope scope, string refundId, SimulatedPaymentKind kind = SimulatedPaymentKind.Full,
        CancellationToken cancellationToken = default)
    {
        if (scope.Livemode)
            return ServiceResult<SimulatedPaymentSent>.Invalid("", "Refunds can only be simulated in test mode.");
        if (await refunds.GetAsync(scope, refundId, cancellationToken) is not { } refund)
            return ServiceResult<SimulatedPaymentSent>.NotFound("", "No such refund in test mode.");
        if (refund.Status != RefundStatus.Pending)
            return ServiceResult<SimulatedPaymentSent>.Invalid("", $"The refund is {refund.Status.ApiName()}: only a pending refund waits for its payment.");
        if (refund.Network != ChainNetworkNames.Sandbox)
            return ServiceResult<SimulatedPaymentSent>.Invalid("", $"This refund is paid on {refund.Network}; only sandbox refunds can be paid by simulation.");
        if (!watched.IsWatched(refund.Network, refund.PayFrom))
            return ServiceResult<SimulatedPaymentSent>.Invalid("", $"Flux is not watching the wallet {refund.PayFrom}, so it would never see this payment. Add the wallet again on the Wallets page.");

        var amount = OrderPaymentSimulator.AmountFor(refund.Amount, refund.Amount, kind);
        var paid = await ledger.SimulatePaymentAsync(new(refund.PayFrom, refund.PayTo, amount, refund.Memo), cancellationToken);
        if (!paid.Succeeded)
            return ServiceResult<SimulatedPaymentSent>.Invalid("", $"The sandbox refused the payment: {paid.Error}");
        return ServiceResult<SimulatedPaymentSent>.Ok(new($"Sent {PiFormat.Amount(amount)} Pi from your sandbox wallet to the customer. The refund updates as soon as Flux sees it on the ledger.",
            amount, paid.Transaction?.Hash));
    }
}
