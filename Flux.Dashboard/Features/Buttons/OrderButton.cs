using System.Text.RegularExpressions;
using Flux.Dashboard.Api;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Features.Buttons;

/// <summary>
/// A merchant's order button, pasted into their shop as a snippet. The amount lives here, on the server: a fixed
/// <see cref="Amount"/>, or <see cref="AmountMin"/>–<see cref="AmountMax"/> bounds for an amount the customer enters.
/// </summary>
public sealed class OrderButton : IListedRow
{
    public required string Id { get; init; }
    public required string MerchantId { get; init; }
    public bool Livemode { get; init; }
    public required string WalletId { get; set; }
    public required string PayTo { get; set; }
    public required string Label { get; set; }

    /// <summary>What the customer buys, as the checkout and the order's description name it; null uses the label.</summary>
    public string? ProductName { get; set; }

    /// <summary>
    /// What the amounts are in: <c>PI</c>, or an ISO 4217 code (<c>USD</c>), each order then locking its price into Pi
    /// at the rate of the moment (docs/api.md, "Prices in the merchant's currency").
    /// </summary>
    public string Currency { get; set; } = OrderResource.PiCurrency;

    public decimal? Amount { get; set; }
    public decimal? AmountMin { get; set; }
    public decimal? AmountMax { get; set; }
    public required string Color { get; set; }
    public required string Size { get; set; }
    public required string Shape { get; set; }
    public required string Theme { get; set; }
    public string? SuccessUrl { get; set; }

    /// <summary>How long each order from the button waits for payment, in seconds; null for the merchant's default.</summary>
    public int? ExpiresIn { get; set; }

    public bool Enabled { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Put away by the merchant, as Stripe archives a product: off the Buttons page's default list and taking no new
    /// orders (its orders stay as they are) until restored.
    /// </summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    public bool Archived => ArchivedAt is not null;

    /// <summary>Whether a customer can start an order from it now.</summary>
    public bool TakesOrders => Enabled && !Archived;

    /// <summary>What the customer buys: the order's description and the checkout's heading.</summary>
    public string Product => ProductName ?? Label;

    public bool CustomerEntersAmount => Amount is null;

    public ButtonStyle Style => new(Color, Size, Shape, Theme);
}

/// <summary>How a button looks: colour <c>#rrggbb</c>, size s/m/l, shape rounded/pill/square, theme light/dark.</summary>
public sealed partial record ButtonStyle(string Color, string Size, string Shape, string Theme)
{
    public static readonly ButtonStyle Default = new("#6c2bd9", "m", "rounded", "light");
    public static readonly IReadOnlyList<string> Sizes = ["s", "m", "l"];
    public static readonly IReadOnlyList<string> Shapes = ["rounded", "pill", "square"];
    public static readonly IReadOnlyList<string> Themes = ["light", "dark"];

    public static bool IsColor(string? value) => value is not null && ColorPattern().IsMatch(value);

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();
}

/// <summary>The limits a button respects, shared by the designer and the API.</summary>
public static class ButtonRules
{
    public const string DefaultLabel = "Pay with Pi";
    public const int MaxLabelLength = 60;
    public const int MaxProductNameLength = 120;
    public const int MaxSuccessUrlLength = 2000;

    /// <summary>
    /// What a fixed-amount button says: its label and the amount (<c>Buy the e-book · 10 Pi</c>), the amount once even
    /// when the label already names it (<c>Pay 10 Pi</c>, <c>Pay 10.00 Pi</c>). flux-button.js follows the same rule.
    /// </summary>
    public static string LabelWithAmount(string label, decimal? amount, string currency = OrderResource.PiCurrency)
    {
        if (amount is not { } fixedAmount)
            return label;
        var number = fixedAmount.ToString("0.#######", System.Globalization.CultureInfo.InvariantCulture);
        var unit = UnitOf(currency);
        // "10.00 Pi" names 10 Pi too.
        var written = Regex.Escape(number) + (number.Contains('.') ? "0*" : @"(?:\.0+)?");
        var named = Regex.IsMatch(label, $@"(^|[^0-9.,]){written}\s*{unit}\b", RegexOptions.IgnoreCase);
        return named ? label : $"{label} · {number} {unit}";
    }

    /// <summary>How a button names its currency to people: <c>Pi</c>, or the ISO code (<c>USD</c>).</summary>
    public static string UnitOf(string currency) => currency == OrderResource.PiCurrency ? "Pi" : currency;
}
