using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Wallets;

namespace Flux.Dashboard.Features.Sandbox;

/// <summary>A simulated payment that closed, or why none did (<see cref="Param"/> names the field at fault).</summary>
public sealed record TestPaymentResult(SandboxTransaction? Transaction, SandboxPayment? Payment, string? Error, string? Param)
{
    public bool Succeeded => Payment is not null;

    public static TestPaymentResult Fail(string? param, string error) => new(null, null, error, param);
}

/// <summary>
/// Customer payments simulated in test mode over the API: through the sandbox ledger (<see cref="SandboxLedger.PayFromTestWalletAsync"/>),
/// so the watcher sees them on the sandbox's Horizon exactly as it sees payments on Pi's chain, and confirms orders the same way.
/// </summary>
public sealed class TestPayments(SandboxLedger ledger, OrderService orders)
{
    /// <summary>Pays the order's full amount to its wallet with its memo; null when the test scope has no such order.</summary>
    public async Task<TestPaymentResult?> PayOrderAsync(MerchantScope scope, string orderId,
        RowsAlongside<TestPaymentResult>? alongside = null, CancellationToken cancellationToken = default)
    {
        if (scope.Livemode)
            throw new InvalidOperationException("Sandbox payments exist in test mode only.");
        if (await orders.GetAsync(scope, orderId, cancellationToken) is not { } order)
            return null;
        if (order.Network != ChainNetworkNames.Sandbox)
        {
            return TestPaymentResult.Fail("order_id",
                $"This order is paid on {WalletService.DescribeNetwork(order.Network)}; the sandbox can only pay orders on the sandbox.");
        }
        return await PayAsync(order.PayTo, order.Amount, order.Memo, alongside, cancellationToken);
    }

    /// <summary>Pays <paramref name="amount"/> test Pi to <paramref name="to"/>, committing the caller's <paramref name="alongside"/> rows with it.</summary>
    public async Task<TestPaymentResult> PayAsync(string to, decimal amount, string? memo,
        RowsAlongside<TestPaymentResult>? alongside = null, CancellationToken cancellationToken = default)
    {
        var result = await ledger.PayFromTestWalletAsync(to, amount, memo,
            alongside is null ? null : closed => alongside(Paid(closed)), cancellationToken);
        return result.Succeeded ? Paid(result) : TestPaymentResult.Fail(result.Param is "from" ? null : result.Param, result.Error!);
    }

    private static TestPaymentResult Paid(SandboxPaymentResult closed) => new(closed.Transaction, closed.Payment, null, null);
}
