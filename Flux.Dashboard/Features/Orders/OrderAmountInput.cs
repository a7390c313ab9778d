using System.Globalization;

namespace Flux.Dashboard.Features.Orders;

/// <summary>Reads the amount a merchant types: digits with an optional decimal point, whatever the server's culture.</summary>
public static class OrderAmountInput
{
    /// <summary>
    /// Empty input gives null (the order service then asks for an amount); anything but a plain number is an error.
    /// A comma is refused rather than guessed: "1,5" could mean 1.5 or 15.
    /// </summary>
    public static bool TryParse(string? text, out decimal? amount, out string? error)
    {
        amount = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        var trimmed = text.Trim();
        if (trimmed.Contains(','))
        {
            error = "Write the amount with a point for decimals and no separators, such as 1250.5.";
            return false;
        }
        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            error = "Enter the amount as a number of Pi, such as 12.5.";
            return false;
        }
        amount = parsed;
        return true;
    }
}
