using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Orders;

/// <summary>Hangfire's every-minute job: unpaid orders past their expiry become expired (a late payment is still kept).</summary>
public sealed class OrderExpiry(IDbContextFactory<FluxDbContext> dbFactory, OutboxDispatcher dispatcher, TimeProvider clock)
{
    public const string JobId = "orders-expiry";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Set<Order>()
            .Where(o => (o.Status == OrderStatus.PendingConfirmation || o.Status == OrderStatus.Underpaid) && o.ExpiresAt < now)
            .ToListAsync(cancellationToken);
        foreach (var order in due)
        {
            order.Status = OrderStatus.Expired;
            Outbox.Append(db, order.MerchantId, order.Livemode, EventTypes.OrderExpired,
                new { order_id = order.Id, amount = order.Amount, amount_received = order.AmountReceived }, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (due.Count > 0)
            dispatcher.Wake();
    }
}
