using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Chain.Watching;

/// <summary>Reads and writes each network's durable stream position.</summary>
public sealed class StreamCursors(IDbContextFactory<FluxDbContext> dbFactory, TimeProvider clock)
{
    public async Task<string?> LoadAsync(string network, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<StreamCursor>().Where(c => c.Network == network).Select(c => c.Cursor).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task SaveAsync(string network, string cursor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db.RunsOnPostgres())
        {
            // One statement: another process sharing the database may save the network's first cursor at the same time.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "StreamCursors" ("Network", "Cursor", "UpdatedAt") VALUES ({network}, {cursor}, {clock.GetUtcNow()})
                ON CONFLICT ("Network") DO UPDATE SET "Cursor" = excluded."Cursor", "UpdatedAt" = excluded."UpdatedAt"
                """, cancellationToken);
            return;
        }
        var row = await db.Set<StreamCursor>().FindAsync([network], cancellationToken);
        if (row is null)
            db.Add(new StreamCursor { Network = network, Cursor = cursor, UpdatedAt = clock.GetUtcNow() });
        else
        {
            row.Cursor = cursor;
            row.UpdatedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
