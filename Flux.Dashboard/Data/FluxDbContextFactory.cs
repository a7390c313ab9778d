using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Data;

/// <summary>Hands out an engine's own context type (<see cref="PostgresFluxDbContext"/>) as the <see cref="FluxDbContext"/> services ask for.</summary>
internal sealed class FluxDbContextFactory<TContext>(IDbContextFactory<TContext> engine) : IDbContextFactory<FluxDbContext>
    where TContext : FluxDbContext
{
    public FluxDbContext CreateDbContext() => engine.CreateDbContext();

    public async Task<FluxDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await engine.CreateDbContextAsync(cancellationToken);
}
