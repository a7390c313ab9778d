using Flux.Dashboard.Chain.Horizon;

namespace Flux.Dashboard.Chain.Watching;

/// <summary>A native Pi payment into a watched wallet, with its transaction's memo resolved.</summary>
public sealed record ObservedPayment(string Network, string Wallet, PaymentRecord Record);

/// <summary>
/// Where the watcher hands every payment into a watched wallet, in chain order and in batches of what the stream has
/// ready. Handling must be idempotent on (network, operation id): the live stream and the catch-up job may hand over
/// the same payment. When the task fails, any of the batch may be unhandled; the whole batch is handed over again.
/// </summary>
public interface IPaymentSink
{
    Task HandleAsync(IReadOnlyList<ObservedPayment> payments, CancellationToken cancellationToken);

    Task HandleAsync(ObservedPayment payment, CancellationToken cancellationToken) => HandleAsync([payment], cancellationToken);
}
