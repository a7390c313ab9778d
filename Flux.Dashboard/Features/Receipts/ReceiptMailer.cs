using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Hangfire;

namespace Flux.Dashboard.Features.Receipts;

/// <summary>
/// Queues the receipt mail (<see cref="ReceiptMail"/>) of each dispatched <c>order.confirmed</c> whose order names a
/// customer's address, once the dispatch that carries it has committed. The event carries the address, so this reads
/// nothing; the receipt itself was issued with the confirmation (<see cref="Receipt.For"/>).
/// </summary>
public sealed class ReceiptMailer(IBackgroundJobClient jobs) : IOutboxFanOut
{
    public Task<Action> StageAsync(FluxDbContext db, IReadOnlyList<OutboxEvent> batch, CancellationToken cancellationToken)
    {
        var toMail = batch.Where(e => e.Type == OrderConfirmed.Type)
            .Select(e => (e.Record ?? EventCatalog.Read(e)) is OrderConfirmed { CustomerEmail: not null } confirmed ? confirmed.OrderId : null)
            .OfType<string>().Distinct().ToList();
        return Task.FromResult<Action>(() => toMail.ForEach(id => jobs.Enqueue<ReceiptMail>(mail => mail.SendAsync(id, CancellationToken.None))));
    }
}
