using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Api.Idempotency;

/// <summary>
/// The idempotency records in the database. Endpoints write them with their work (<see cref="IdempotencyKeyFeature"/>);
/// this reads them back, clears one past its 24 hours so its key can be used afresh, and purges old ones.
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<FluxDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The live record of the caller's key, or null when the key is free (never used, or its record expired).</summary>
    public async Task<IdempotencyRecord?> FindAsync(ApiKeyIdentity caller, string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Set<IdempotencyRecord>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.MerchantId == caller.MerchantId && r.Livemode == caller.Livemode && r.Key == key, cancellationToken);
        if (record is null || !record.IsStaleAt(clock.GetUtcNow()))
            return record;
        // Only that very row, so the new request's record can take the key.
        await db.Set<IdempotencyRecord>()
            .Where(r => r.MerchantId == record.MerchantId && r.Livemode == record.Livemode && r.Key == record.Key && r.CreatedAt == record.CreatedAt)
            .ExecuteDeleteAsync(cancellationToken);
        return null;
    }

    /// <summary>Deletes the records past their 24 hours; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - IdempotencyRecord.Lifetime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<IdempotencyRecord>().Where(r => r.CreatedAt <= cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
