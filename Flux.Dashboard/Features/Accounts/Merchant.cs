using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Flux.Dashboard.Features.Accounts;

/// <summary>A merchant is a signed-in Flux user; everything a merchant owns carries its id.</summary>
public class Merchant : IdentityUser
{
    /// <summary>While on, the dashboard shows sandbox data and a "Test mode" banner, as in Stripe.</summary>
    public bool TestMode { get; set; }

    public bool DarkMode { get; set; }

    /// <summary>The shop's name as customers see it (checkout, review page, reviews widget); empty shows the e-mail's domain.</summary>
    [MaxLength(MaxShopNameLength)]
    public string? ShopName { get; set; }

    /// <summary>An https image the checkout shows beside the shop's name.</summary>
    [MaxLength(MaxLogoUrlLength)]
    public string? LogoUrl { get; set; }

    /// <summary>Where customers write about an order; the checkout's receipt names it.</summary>
    [MaxLength(MaxSupportEmailLength)]
    public string? SupportEmail { get; set; }

    /// <summary>The IANA time zone the dashboard shows times in (<c>Europe/Berlin</c>); empty is UTC.</summary>
    [MaxLength(MaxTimeZoneLength)]
    public string? TimeZone { get; set; }

    /// <summary>
    /// How long the merchant's orders wait for payment when an order names no lifetime (<c>expires_in</c>), in seconds
    /// within <c>OrderRules</c>' bounds; null for Flux's 30 minutes.
    /// </summary>
    public int? OrderLifetimeSeconds { get; set; }

    /// <summary>The merchant put the Overview's "Get started" checklist away once every step was done.</summary>
    public bool GetStartedHidden { get; set; }

    public const int MaxShopNameLength = 80;
    public const int MaxLogoUrlLength = 2000;
    public const int MaxSupportEmailLength = 256;
    public const int MaxTimeZoneLength = 64;
}
