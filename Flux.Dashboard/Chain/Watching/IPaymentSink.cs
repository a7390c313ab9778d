using Flux.Dashboard.Chain.Horizon;

namespace Flux.Dashboard.Chain.Watching;

/// <summary>A native Pi payment into a watched wallet, with its transaction's memo resolved.</summary>
public sealed record ObservedPayment(string Network, string Wallet, PaymentRecord Record);

/// <summary>
/// Where the watcher hands every payment into a watched wallet. Handling must be idempotent on
/// (network, operation id): the live stream and the catch-up job may hand over the same payment.
/// </summary>
public interface IPaymentSink
{
    Task HandleAsync(ObservedPayment payment, CancellationToken cancellationToken);
}
