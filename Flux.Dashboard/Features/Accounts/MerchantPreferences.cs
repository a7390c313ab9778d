using System.Security.Claims;
using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Accounts;

public sealed record MerchantDisplay(string Id, string Email, bool TestMode, bool DarkMode, string? TimeZone = null);

/// <summary>
/// The per-merchant dashboard settings (test mode, dark mode, time zone), read and written for the signed-in merchant
/// only. One per circuit: a page that changes what the layout shows (Settings) says so through <see cref="Changed"/>.
/// </summary>
public sealed class MerchantPreferences(IDbContextFactory<FluxDbContext> dbFactory)
{
    /// <summary>Raised by <see cref="NotifyChanged"/> after a page saved something the layout shows.</summary>
    public event Func<Task>? Changed;

    public Task NotifyChanged() => Changed?.Invoke() ?? Task.CompletedTask;

    public async Task<MerchantDisplay?> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var id = MerchantId(user);
        if (id is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(m => m.Id == id)
            .Select(m => new MerchantDisplay(m.Id, m.Email ?? m.UserName ?? "", m.TestMode, m.DarkMode, m.TimeZone))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public Task SetTestModeAsync(ClaimsPrincipal user, bool on, CancellationToken cancellationToken = default) =>
        UpdateAsync(user, s => s.SetProperty(m => m.TestMode, on), cancellationToken);

    public Task SetDarkModeAsync(ClaimsPrincipal user, bool on, CancellationToken cancellationToken = default) =>
        UpdateAsync(user, s => s.SetProperty(m => m.DarkMode, on), cancellationToken);

    private async Task UpdateAsync(ClaimsPrincipal user,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Merchant>> set, CancellationToken cancellationToken)
    {
        var id = MerchantId(user) ?? throw new InvalidOperationException("No merchant is signed in.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(m => m.Id == id).ExecuteUpdateAsync(set, cancellationToken);
    }

    private static string? MerchantId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
