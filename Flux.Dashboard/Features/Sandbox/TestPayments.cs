using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Common;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Wallets;

namespace Flux.Dashboard.Features.Sandbox;

/// <summary>A simulated payment that closed: the sandbox's transaction and its payment.</summary>
public sealed record TestPayment(SandboxTransaction Transaction, SandboxPayment Payment);

/// <summary>
/// Customer payments simulated in test mode over the API: through the sandbox ledger (<see cref="SandboxLedger.PayFromTestWalletAsync"/>),
/// so the watcher sees them on the sandbox's Horizon exactly as it sees payments on Pi's chain, and confirms orders the same way.
/// </summary>
public sealed class TestPayments(SandboxLedger ledger, OrderService orders)
{
    /// <summary>Pays the order's full amount to its wallet with its memo; not found when the test scope has no such order.</summary>
    public async Task<ServiceResult<TestPayment>> PayOrderAsync(MerchantScope scope, string orderId,
        RowsAlongside<TestPayment>? alongside = null, CancellationToken cancellationToken = default)
    {
        if (scope.Livemode)
            throw new InvalidOperationException("Sandbox payments exist in test mode only.");
        if (await orders.GetAsync(scope, orderId, cancellationToken) is not { } order)
            return ServiceResult<TestPayment>.NotFound("order_id", OrderRules.NoSuchOrder(orderId));
        if (order.Network != ChainNetworkNames.Sandbox)
        {
            return ServiceResult<TestPayment>.Invalid("order_id",
                $"This order is paid on {WalletService.DescribeNetwork(order.Network)}; the sandbox can only pay orders on the sandbox.");
        }
        return await PayAsync(order.PayTo, order.Amount, order.Memo, alongside, cancellationToken);
    }

    /// <summary>Pays <paramref name="amount"/> test Pi to <paramref name="to"/>, committing the caller's <paramref name="alongside"/> rows with it.</summary>
    public async Task<ServiceResult<TestPayment>> PayAsync(string to, decimal amount, string? memo,
        RowsAlongside<TestPayment>? alongside = null, CancellationToken cancellationToken = default)
    {
        var result = await ledger.PayFromTestWalletAsync(to, amount, memo,
            alongside is null ? null : closed => alongside(Paid(closed)), cancellationToken);
        return result.Succeeded
            ? ServiceResult<TestPayment>.Ok(Paid(result))
            : ServiceResult<TestPayment>.Invalid(result.Param is "from" ? "" : result.Param ?? "", result.Error!);
    }

    private static TestPayment Paid(SandboxPaymentResult closed) => new(closed.Transaction!, closed.Payment!);
}
