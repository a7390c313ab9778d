using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Buttons;

/// <summary>Hangfire's daily job: orders customers started from a button and left unpaid go after 30 days (order spam).</summary>
public sealed class ButtonOrderPurge(IDbContextFactory<FluxDbContext> dbFactory, TimeProvider clock, ILogger<ButtonOrderPurge> logger)
{
    public const string JobId = "button-orders-purge";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - AbandonedButtonOrders.PurgeAfter;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var purged = await AbandonedButtonOrders.Only(db, db.Set<Order>().Where(o => o.CreatedAt < before))
            .ExecuteDeleteAsync(cancellationToken);
        if (purged > 0)
            logger.LogInformation("Purged {Count} unpaid button orders created before {Before}", purged, before);
        return purged;
    }
}
