using Flux.Dashboard.Features.Accounts;
using Hangfire.Dashboard;

namespace Flux.Dashboard.Jobs;

public sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(AdminRoleClaims.Role);
}
