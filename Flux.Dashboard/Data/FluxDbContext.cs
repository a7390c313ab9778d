using Flux.Dashboard.Features.Accounts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Flux.Dashboard.Data;

public class FluxDbContext(DbContextOptions<FluxDbContext> options) : IdentityDbContext<Merchant>(options)
{
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
