using Flux.Dashboard.Chain.Horizon;

namespace Flux.Dashboard.Chain.Watching;

/// <summary>Whether a payment moves Pi into the watched wallet or out of it.</summary>
public enum PaymentDirection
{
    Incoming,
    Outgoing,
}

/// <summary>
/// A native Pi payment into (or, <see cref="PaymentDirection.Outgoing"/>, out of) the watched <paramref name="Wallet"/>, with
/// its transaction's memo resolved.
/// </summary>
public sealed record ObservedPayment(string Network, string Wallet, PaymentRecord Record, PaymentDirection Direction = PaymentDirection.Incoming);

/// <summary>
/// Where the watcher hands every payment into or out of a watched wallet, in chain order and in batches of what the stream has
/// ready. Handling must be idempotent on (network, operation id): the live stream and the catch-up job may hand over
/// the same payment. When the task fails, any of the batch may be unhandled; the whole batch is handed over again.
/// </summary>
public interface IPaymentSink
{
    Task HandleAsync(IReadOnlyList<ObservedPayment> payments, CancellationToken cancellationToken);

    Task HandleAsync(ObservedPayment payment, CancellationToken cancellationToken) => HandleAsync([payment], cancellationToken);
}
