using System.Security.Claims;
using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Accounts;

/// <summary>The scope a dashboard download serves: the signed-in merchant, in the mode their dashboard is in.</summary>
public static class SignedInScope
{
    /// <returns>Null when no merchant is signed in (or the merchant is gone).</returns>
    public static async Task<MerchantScope?> OfAsync(HttpContext http, IDbContextFactory<FluxDbContext> dbFactory, CancellationToken cancellationToken)
    {
        if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } merchantId)
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var merchant = await db.Users.Where(m => m.Id == merchantId).Select(m => new { m.TestMode }).SingleOrDefaultAsync(cancellationToken);
        return merchant is null ? null : new MerchantScope(merchantId, Livemode: !merchant.TestMode);
    }
}
