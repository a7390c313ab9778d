using System.Security.Cryptography;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Sandbox;
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
/// Customer payments simulated in test mode: from the seed docs' sandbox test wallet through the sandbox ledger, so the
/// watcher sees them on the sandbox's Horizon exactly as it sees payments on Pi's chain, and confirms orders the same way.
/// </summary>
public sealed class TestPayments(SandboxLedger ledger, OrderService orders)
{
    /// <summary>Pays the order's full amount to its wallet with its memo; null when the test scope has no such order.</summary>
    public async Task<TestPaymentResult?> PayOrderAsync(MerchantScope scope, string orderId, CancellationToken cancellationToken = default)
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
        return await PayAsync(order.PayTo, order.Amount, order.Memo, cancellationToken);
    }

    /// <summary>
    /// Pays <paramref name="amount"/> test Pi to <paramref name="to"/>. Into the test wallet itself (which merchants may
    /// register, as the seed docs do), a new sandbox customer pays instead, funded by the test wallet in the same ledger.
    /// </summary>
    public async Task<TestPaymentResult> PayAsync(string to, decimal amount, string? memo, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<SimulatedPayment> payments;
        if (to == SandboxTestWallet.Address)
        {
            var customer = StrKey.EncodeEd25519PublicKey(RandomNumberGenerator.GetBytes(32));
            payments =
            [
                new(SandboxTestWallet.Address, customer, amount + Stroops.ToPi(SandboxLedger.FeeStroops), null),
                new(customer, to, amount, memo),
            ];
        }
        else
        {
            payments = [new(SandboxTestWallet.Address, to, amount, memo)];
        }

        var result = await ledger.SimulatePaymentsAsync(payments, cancellationToken);
        if (!result.Succeeded)
            return TestPaymentResult.Fail(result.Param is "from" ? null : result.Param, result.Error!);
        var (transaction, payment) = result.Closed[^1];
        return new(transaction, payment, null, null);
    }
}
