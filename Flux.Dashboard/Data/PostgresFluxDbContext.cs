using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Flux.Dashboard.Data;

/// <summary>
/// The same model as <see cref="FluxDbContext"/>, stored in PostgreSQL's own types: Pi amounts as <c>numeric</c> with 7
/// decimal places, times as <c>timestamptz</c>. A type of its own, so each engine has its own generated migrations
/// (Data/Migrations/Postgres) and EF keeps one model per engine in a process that uses both (tests).
/// </summary>
public sealed class PostgresFluxDbContext(DbContextOptions<PostgresFluxDbContext> options) : FluxDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) =>
        configuration.Properties<decimal>().HavePrecision(28, 7);
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresFluxDbContext</c>: the model needs no server to exist.</summary>
internal sealed class PostgresFluxDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFluxDbContext>
{
    public PostgresFluxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFluxDbContext>().UseNpgsql("Host=localhost;Database=flux").Options);
}
