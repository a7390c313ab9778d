using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Orders;

/// <summary>
/// Hangfire's every-minute job: unpaid orders past their expiry become expired (a late payment is still kept). It reads
/// only the orders still awaiting payment (a partial index), and expires them <see cref="BatchSize"/> at a time, each
/// batch a short write of its own behind the <see cref="WriteGate"/>, so order creation and confirmations never wait for
/// a scan of the whole order table or for a long backlog (after downtime, say).
/// </summary>
public sealed class OrderExpiry(IDbContextFactory<FluxDbContext> dbFactory, WriteGate writeGate, TimeProvider clock)
{
    public const string JobId = "orders-expiry";

    internal const int BatchSize = 500;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        while (await ExpireBatchAsync(now, cancellationToken) is BatchSize or Conflict) { }
    }

    /// <summary>A batch that wrote nothing because a payment changed one of its orders after they were read: read them again.</summary>
    private const int Conflict = -1;

    /// <summary>Unpaid orders past their expiry at <paramref name="now"/>, earliest first, read through <c>IX_Orders_AwaitingPayment_ExpiresAt</c>.</summary>
    internal static IQueryable<Order> Due(IQueryable<Order> orders, DateTimeOffset now) =>
        OrderRules.Unpaid(orders).Where(o => o.ExpiresAt < now).OrderBy(o => o.ExpiresAt);

    private async Task<int> ExpireBatchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await Due(db.Set<Order>().AsNoTracking(), now).Take(BatchSize).ToListAsync(cancellationToken);
            var ids = due.Select(o => o.Id).ToList();
            // Only over a status that is still unpaid: when a payment changed one of them since the read, none is written.
            if (await OrderRules.Unpaid(db.Set<Order>().Where(o => ids.Contains(o.Id)))
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Expired), cancellationToken) != due.Count)
                return Conflict;
            foreach (var order in due)
                Outbox.Append(db, order.MerchantId, order.Livemode, new OrderExpired(order.Id, order.Amount, order.AmountReceived), now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return due.Count;
        }
    }
}
