using Flux.Dashboard.Features.Accounts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Data;

public class FluxDbContext(DbContextOptions<FluxDbContext> options) : IdentityDbContext<Merchant>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each feature and the chain layer keep their entity configuration beside the entity.
        builder.ApplyConfigurationsFromAssembly(typeof(FluxDbContext).Assembly);
    }
}
