using Flux.Dashboard.Features.Accounts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Data;

public class FluxDbContext(DbContextOptions<FluxDbContext> options) : IdentityDbContext<Merchant>(options)
{
}
