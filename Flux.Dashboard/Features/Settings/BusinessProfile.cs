using System.ComponentModel.DataAnnotations;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Settings;

/// <summary>
/// Settings → Business: how the shop appears to its customers (name, logo, support e-mail on the checkout), the time
/// zone the dashboard shows times in, and how long orders wait for payment. Empty fields are stored as null.
/// </summary>
public sealed record BusinessProfile(string? ShopName, string? LogoUrl, string? SupportEmail, string? TimeZone)
{
    public static readonly BusinessProfile Empty = new(null, null, null, null);

    /// <summary>
    /// How long an order waits for payment when it names no <c>expires_in</c>, in minutes (1 to 7 days, as
    /// <c>expires_in</c> allows); null for Flux's 30 minutes.
    /// </summary>
    public int? OrderLifetimeMinutes { get; init; }

    public const int MaxOrderLifetimeMinutes = OrderRules.MaxLifetimeSeconds / 60;

    /// <summary>What is wrong with each field, in the merchant's words; empty when the profile can be saved.</summary>
    public IReadOnlyList<FieldError> Errors()
    {
        var errors = new List<FieldError>();
        if (ShopName?.Trim().Length > Merchant.MaxShopNameLength)
            errors.Add(new(nameof(ShopName), $"Keep the shop name to {Merchant.MaxShopNameLength} characters or fewer."));
        if (Clean(LogoUrl) is { } logo && !IsHttpsUrl(logo, Merchant.MaxLogoUrlLength))
            errors.Add(new(nameof(LogoUrl), "Enter the https:// address of an image, as customers' browsers load it."));
        if (Clean(SupportEmail) is { } email && (email.Length > Merchant.MaxSupportEmailLength || !new EmailAddressAttribute().IsValid(email)))
            errors.Add(new(nameof(SupportEmail), "Enter an e-mail address customers can write to."));
        if (Clean(TimeZone) is { } zone && !DisplayTime.IsKnownZone(zone))
            errors.Add(new(nameof(TimeZone), "Choose a time zone from the list."));
        if (OrderLifetimeMinutes is < OrderRules.MinLifetimeSeconds / 60 or > MaxOrderLifetimeMinutes)
            errors.Add(new(nameof(OrderLifetimeMinutes), $"An order waits from 1 minute to 7 days ({MaxOrderLifetimeMinutes} minutes)."));
        return errors;
    }

    /// <summary>The profile as stored: trimmed, empty fields null.</summary>
    public BusinessProfile Cleaned() => new(Clean(ShopName), Clean(LogoUrl), Clean(SupportEmail), Clean(TimeZone))
    {
        OrderLifetimeMinutes = OrderLifetimeMinutes,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsHttpsUrl(string value, int maxLength) =>
        value.Length <= maxLength && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
        && uri.UserInfo.Length == 0;
}

/// <summary>Reads and saves the signed-in merchant's <see cref="BusinessProfile"/>.</summary>
public sealed class BusinessProfileService(IDbContextFactory<FluxDbContext> dbFactory, DefaultOrderLifetimes defaultLifetimes)
{
    /// <summary>Every zone this server knows, by IANA id, for the Business section's picker.</summary>
    public static readonly IReadOnlyList<string> TimeZoneIds = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id).Append("UTC").Distinct().Order(StringComparer.Ordinal).ToList();

    public async Task<BusinessProfile> GetAsync(string merchantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(m => m.Id == merchantId)
            .Select(m => new BusinessProfile(m.ShopName, m.LogoUrl, m.SupportEmail, m.TimeZone) { OrderLifetimeMinutes = m.OrderLifetimeSeconds / 60 })
            .SingleOrDefaultAsync(cancellationToken) ?? BusinessProfile.Empty;
    }

    /// <returns>The field errors; nothing is saved unless there are none.</returns>
    public async Task<IReadOnlyList<FieldError>> SaveAsync(string merchantId, BusinessProfile profile, CancellationToken cancellationToken = default)
    {
        var errors = profile.Errors();
        if (errors.Count > 0)
            return errors;
        var clean = profile.Cleaned();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(m => m.Id == merchantId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ShopName, clean.ShopName)
            .SetProperty(m => m.LogoUrl, clean.LogoUrl)
            .SetProperty(m => m.SupportEmail, clean.SupportEmail)
            .SetProperty(m => m.TimeZone, clean.TimeZone)
            .SetProperty(m => m.OrderLifetimeSeconds, clean.OrderLifetimeMinutes * 60), cancellationToken);
        await defaultLifetimes.InvalidateAsync();
        return [];
    }
}
