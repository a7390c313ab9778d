namespace Flux.Dashboard.Features.Orders;

/// <summary>The limits an order must respect, shared by the dashboard dialog and the API.</summary>
public static class OrderRules
{
    /// <summary>What an order's id starts with, before its underscore.</summary>
    public const string IdPrefix = "ord";
    public const int MaxDescriptionLength = 500;
    public const int MaxCustomerEmailLength = 254;
    public const decimal MaxAmount = 1_000_000_000m;
    public const int MaxDecimals = 7;
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(30);
    public const int MinLifetimeSeconds = 60;
    public const int MaxLifetimeSeconds = 7 * 24 * 60 * 60;

    /// <summary>Why a number of seconds cannot be how long an order waits for payment, or null when it can.</summary>
    public static string? LifetimeError(int? seconds) => seconds is < MinLifetimeSeconds or > MaxLifetimeSeconds
        ? $"An order waits for payment from {MinLifetimeSeconds} seconds to 7 days ({MaxLifetimeSeconds} seconds)."
        : null;

    /// <summary>Why a text cannot be the address a customer's receipt is mailed to, or null when it can (or is empty).</summary>
    public static string? CustomerEmailError(string? email) =>
        string.IsNullOrWhiteSpace(email) || (email.Trim().Length <= MaxCustomerEmailLength
            && new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email.Trim()) && !email.Trim().Contains(' '))
            ? null
            : "The customer's e-mail address is not valid: write it as name@example.com.";

    /// <summary>
    /// The orders still awaiting payment (pending or underpaid), the only ones a cancel or an expiry may change: their
    /// writes are conditioned on it, so a payment recorded after they read an order is never written over.
    /// </summary>
    public static IQueryable<Order> Unpaid(IQueryable<Order> orders) =>
        orders.Where(o => o.Status == OrderStatus.PendingConfirmation || o.Status == OrderStatus.Underpaid);

    /// <summary>What the merchant is told when an order id names none of the scope's orders.</summary>
    public static string NoSuchOrder(string orderId) => $"No such order: '{orderId}'.";

    /// <summary>Why an amount in Pi cannot be an order's amount, or null when it can (orders and order buttons alike).</summary>
    public static string? AmountError(decimal? amount) => amount switch
    {
        null => "Enter the amount in Pi.",
        <= 0 => "The amount must be greater than 0.",
        > MaxAmount => "The amount can be at most 1,000,000,000 Pi.",
        { } a when decimal.Round(a, MaxDecimals) != a => "Pi has 7 decimal places: the amount can have at most 7 digits after the point.",
        _ => null,
    };
}
