using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Flux.Dashboard.Features.Accounts;

/// <summary>A merchant is a signed-in Flux user; everything a merchant owns carries its id.</summary>
public class Merchant : IdentityUser
{
    /// <summary>While on, the dashboard shows sandbox data and a "Test mode" banner, as in Stripe.</summary>
    public bool TestMode { get; set; }

    public bool DarkMode { get; set; }

    /// <summary>The shop's name as customers see it (review page, reviews widget); empty shows the e-mail's domain.</summary>
    [MaxLength(MaxShopNameLength)]
    public string? ShopName { get; set; }

    public const int MaxShopNameLength = 80;
}
