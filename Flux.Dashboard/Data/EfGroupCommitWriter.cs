using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Data;

/// <summary>
/// The group commit's write path on a database server (PostgreSQL): a pooled context per batch, its rows saved by EF in
/// one transaction, which the provider sends as one batch of statements.
/// </summary>
public sealed class EfGroupCommitWriter(IDbContextFactory<FluxDbContext> dbFactory, IEnumerable<IGroupCommitHook> hooks) : IGroupCommitWriter
{
    public async Task<IReadOnlyList<Action>> WriteAsync(IReadOnlyList<object> rows)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var committed = new List<Action>();
        foreach (var hook in hooks)
            committed.Add(await hook.BeforeCommitAsync(db, rows, CancellationToken.None));
        db.AddRange(rows);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return committed;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
