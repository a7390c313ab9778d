using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Receipts;

/// <summary>
/// Issues a receipt for each dispatched <c>order.confirmed</c>, in the transaction that marks the event dispatched (the
/// outbox's exactly-once hand-over), and queues its mail (<see cref="ReceiptMail"/>) when the order's customer gave an
/// address, once that transaction has committed.
/// </summary>
public sealed class ReceiptIssuer(IBackgroundJobClient jobs, TimeProvider clock) : IOutboxFanOut
{
    public async Task<Action> StageAsync(FluxDbContext db, IReadOnlyList<OutboxEvent> batch, CancellationToken cancellationToken)
    {
        var orderIds = batch.Where(e => e.Type == OrderConfirmed.Type)
            .Select(e => (e.Record ?? EventCatalog.Read(e)) is OrderConfirmed confirmed ? confirmed.OrderId : null)
            .OfType<string>().Distinct().ToList();
        if (orderIds.Count == 0)
            return () => { };

        var issued = await db.Set<Receipt>().Where(r => orderIds.Contains(r.OrderId)).Select(r => r.OrderId).ToListAsync(cancellationToken);
        var orders = await db.Set<Order>().Where(o => orderIds.Contains(o.Id) && !issued.Contains(o.Id))
            .Select(o => new { o.Id, o.MerchantId, o.Livemode, o.CustomerEmail }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        db.AddRange(orders.Select(o => new Receipt
        {
            OrderId = o.Id, Token = PublicId.New(Receipt.TokenPrefix, 24), MerchantId = o.MerchantId, Livemode = o.Livemode, CreatedAt = now,
        }));
        var toMail = orders.Where(o => o.CustomerEmail is not null).Select(o => o.Id).ToList();
        return () => toMail.ForEach(id => jobs.Enqueue<ReceiptMail>(mail => mail.SendAsync(id, CancellationToken.None)));
    }
}
