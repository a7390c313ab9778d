using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Flux.Dashboard.Features.Accounts;

/// <summary>Gives the Admin role to the signed-in users named in <c>Flux:Admins</c>, so changing the list needs no database edit.</summary>
public sealed class AdminRoleClaims(AccountsOptions options) : IClaimsTransformation
{
    public const string Role = "Admin";

    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue(ClaimTypes.Name);
        if (email is null || principal.IsInRole(Role)
            || !options.Admins.Contains(email, StringComparer.OrdinalIgnoreCase))
            return Task.FromResult(principal);

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, Role)], "FluxAdmins");
        var admin = principal.Clone();
        admin.AddIdentity(identity);
        return Task.FromResult(admin);
    }
}
