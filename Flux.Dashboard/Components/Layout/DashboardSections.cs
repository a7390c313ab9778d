using MudBlazor;

namespace Flux.Dashboard.Components.Layout;

public sealed record DashboardSection(string Title, string Href, string Icon);

/// <summary>The sections of the dashboard's navigation drawer (docs/architecture.md, "The parts"), in order.</summary>
public static class DashboardSections
{
    public static readonly IReadOnlyList<DashboardSection> All =
    [
        new("Overview", "", Icons.Material.Outlined.Dashboard),
        new("Orders", "orders", Icons.Material.Outlined.ReceiptLong),
        new("Payments", "payments", Icons.Material.Outlined.Payments),
        new("Wallets", "wallets", Icons.Material.Outlined.AccountBalanceWallet),
        new("Credits", "credits", Icons.Material.Outlined.Toll),
        new("Buttons", "buttons", Icons.Material.Outlined.SmartButton),
        new("Payment links", "payment-links", Icons.Material.Outlined.Link),
        new("Developers", "developers", Icons.Material.Outlined.Code),
        new("Reviews", "reviews", Icons.Material.Outlined.RateReview),
        new("Settings", "settings", Icons.Material.Outlined.Settings),
    ];
}
