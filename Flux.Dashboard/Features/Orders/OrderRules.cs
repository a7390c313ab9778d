namespace Flux.Dashboard.Features.Orders;

/// <summary>The limits an order must respect, shared by the dashboard dialog and the API.</summary>
public static class OrderRules
{
    public const int MaxDescriptionLength = 500;
    public const decimal MaxAmount = 1_000_000_000m;
    public const int MaxDecimals = 7;
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(30);
}
