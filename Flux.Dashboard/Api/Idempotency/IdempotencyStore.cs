using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Api.Idempotency;

/// <summary>How a request stands with its idempotency key.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The key is this request's: it runs, and its response is kept.</summary>
    Claimed,

    /// <summary>The key's first request finished: replay its response.</summary>
    Replay,

    /// <summary>The key's first request is still running.</summary>
    InProgress,

    /// <summary>The key was first used with another method, path or body.</summary>
    Mismatch,
}

public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, IdempotencyRecord Record);

/// <summary>
/// The idempotency records in the database. A request claims its key by inserting a "running" row: the primary key on
/// (merchant, mode, key) lets exactly one of two racing requests — on one server or several — insert it.
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<FluxDbContext> dbFactory, TimeProvider clock)
{
    private const int ClaimAttempts = 3;

    public async Task<IdempotencyClaim> ClaimAsync(ApiKeyIdentity caller, string key, IdempotentRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var existing = await db.Set<IdempotencyRecord>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.MerchantId == caller.MerchantId && r.Livemode == caller.Livemode && r.Key == key, cancellationToken);
            if (existing is not null && existing.IsStaleAt(now))
            {
                // Only that very row: a request that claimed the key meanwhile keeps its claim.
                await db.Set<IdempotencyRecord>()
                    .Where(r => r.MerchantId == existing.MerchantId && r.Livemode == existing.Livemode && r.Key == existing.Key
                        && r.CreatedAt == existing.CreatedAt)
                    .ExecuteDeleteAsync(cancellationToken);
                existing = null;
            }
            if (existing is not null)
            {
                var outcome = !existing.Matches(request) ? IdempotencyOutcome.Mismatch
                    : existing.IsRunning ? IdempotencyOutcome.InProgress
                    : IdempotencyOutcome.Replay;
                return new(outcome, existing);
            }

            var claimed = new IdempotencyRecord
            {
                MerchantId = caller.MerchantId,
                Livemode = caller.Livemode,
                Key = key,
                RequestMethod = request.Method,
                RequestPath = request.Path,
                RequestBodyHash = request.BodyHash,
                CreatedAt = now,
            };
            db.Add(claimed);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new(IdempotencyOutcome.Claimed, claimed);
            }
            catch (DbUpdateException) when (attempt < ClaimAttempts)
            {
                // Most likely another request inserted the key first: look again and answer as that row says.
            }
        }
    }

    /// <summary>Keeps the response of the request that claimed the key, for replays.</summary>
    public async Task CompleteAsync(IdempotencyRecord claimed, int status, string? contentType, string? location, byte[] body,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await Row(db, claimed).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.ResponseStatus, status)
            .SetProperty(r => r.ResponseContentType, contentType)
            .SetProperty(r => r.ResponseLocation, location)
            .SetProperty(r => r.ResponseBody, body), cancellationToken);
    }

    /// <summary>Frees the key of a request whose response is not kept (a 4xx, a 5xx, a failure), so it can be retried.</summary>
    public async Task ReleaseAsync(IdempotencyRecord claimed, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await Row(db, claimed).Where(r => r.ResponseStatus == null).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes the records past their 24 hours; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - IdempotencyRecord.Lifetime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<IdempotencyRecord>().Where(r => r.CreatedAt <= cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private static IQueryable<IdempotencyRecord> Row(FluxDbContext db, IdempotencyRecord record) =>
        db.Set<IdempotencyRecord>().Where(r => r.MerchantId == record.MerchantId && r.Livemode == record.Livemode
            && r.Key == record.Key && r.CreatedAt == record.CreatedAt);
}
