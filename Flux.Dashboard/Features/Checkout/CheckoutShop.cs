using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Checkout;

/// <summary>
/// Whom the customer pays, as the checkout names it: the shop's name (Settings → Business, else its e-mail's domain), its
/// logo and support address when set, and the time zone its receipts tell time in. Nothing else of the merchant.
/// </summary>
public sealed record CheckoutShop(string Name, string? LogoUrl, string? SupportEmail, TimeZoneInfo Zone)
{
    public static readonly CheckoutShop Unknown = new(MerchantName.Of(null, null), null, null, TimeZoneInfo.Utc);
}

public sealed class CheckoutShopQuery(IDbContextFactory<FluxDbContext> dbFactory)
{
    public async Task<CheckoutShop> ForAsync(string merchantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var merchant = await db.Users.Where(m => m.Id == merchantId)
            .Select(m => new { m.ShopName, m.Email, m.LogoUrl, m.SupportEmail, m.TimeZone })
            .SingleOrDefaultAsync(cancellationToken);
        return merchant is null
            ? CheckoutShop.Unknown
            : new CheckoutShop(MerchantName.Of(merchant.ShopName, merchant.Email), merchant.LogoUrl, merchant.SupportEmail,
                DisplayTime.Zone(merchant.TimeZone));
    }
}
