using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Receipts;

/// <summary>Reads receipts: by their token for the public page, by order for the checkout's link to it.</summary>
public sealed class ReceiptService(IDbContextFactory<FluxDbContext> dbFactory)
{
    /// <summary>The confirmed order a receipt token stands for; null for an unknown token.</summary>
    public async Task<Order?> OrderOfAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var orderId = await db.Set<Receipt>().Where(r => r.Token == token).Select(r => r.OrderId).SingleOrDefaultAsync(cancellationToken);
        return orderId is null
            ? null
            : await db.Set<Order>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId && o.Status == OrderStatus.Confirmed, cancellationToken);
    }

    /// <summary>The token of an order's receipt; null until the order is confirmed and its receipt issued.</summary>
    public async Task<string?> TokenOfAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Receipt>().Where(r => r.OrderId == orderId).Select(r => r.Token).SingleOrDefaultAsync(cancellationToken);
    }
}
