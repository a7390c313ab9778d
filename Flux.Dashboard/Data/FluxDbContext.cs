using Flux.Dashboard.Features.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Flux.Dashboard.Data;

/// <summary>
/// Flux's model, stored the embedded way: in SQLite (the default). <see cref="PostgresFluxDbContext"/> stores the same
/// model in PostgreSQL's types; every service works with this type either way. It also keeps ASP.NET Data Protection's
/// keys, so every instance on the database reads what another protected (Features/ScaleOut).
/// </summary>
public class FluxDbContext : IdentityDbContext<Merchant>, IDataProtectionKeyContext
{
    public FluxDbContext(DbContextOptions<FluxDbContext> options) : base(options)
    {
    }

    protected FluxDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // SQLite has no date type: as 64-bit numbers, DateTimeOffset values compare and sort in SQL (expiry, ranges).
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) =>
        configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each feature and the chain layer keep their entity configuration beside the entity.
        builder.ApplyConfigurationsFromAssembly(typeof(FluxDbContext).Assembly);
    }
}

/// <summary>
/// For <c>dotnet ef migrations add … --context FluxDbContext</c>: the SQLite model, needing no file (without it the
/// tools would take the PostgreSQL context, which is a <see cref="FluxDbContext"/> too).
/// </summary>
internal sealed class FluxDbContextDesignTimeFactory : IDesignTimeDbContextFactory<FluxDbContext>
{
    public FluxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FluxDbContext>().UseSqlite("Data Source=flux.db").Options);
}

