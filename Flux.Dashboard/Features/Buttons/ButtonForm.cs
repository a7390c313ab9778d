using System.Globalization;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Features.Buttons;

/// <summary>What the designer's fields hold, as typed: read into a <see cref="CreateButtonRequest"/> when saved.</summary>
public sealed class ButtonForm
{
    public string? Label { get; set; }
    public string? ProductName { get; set; }
    public bool CustomerEntersAmount { get; set; }
    public string? Amount { get; set; }
    public string? AmountMin { get; set; }
    public string? AmountMax { get; set; }
    public string Currency { get; set; } = OrderResource.PiCurrency;
    public string? WalletId { get; set; }
    public string Color { get; set; } = ButtonStyle.Default.Color;
    public string Size { get; set; } = ButtonStyle.Default.Size;
    public string Shape { get; set; } = ButtonStyle.Default.Shape;
    public string Theme { get; set; } = ButtonStyle.Default.Theme;
    public string? SuccessUrl { get; set; }

    /// <summary>How long its orders wait, in minutes; empty for the merchant's default.</summary>
    public int? LifetimeMinutes { get; set; }

    /// <summary>A button's fields, to change them.</summary>
    public static ButtonForm Of(OrderButton button) => new()
    {
        Label = button.Label,
        ProductName = button.ProductName,
        CustomerEntersAmount = button.CustomerEntersAmount,
        Amount = Text(button.Amount),
        AmountMin = Text(button.AmountMin),
        AmountMax = Text(button.AmountMax),
        Currency = button.Currency,
        WalletId = button.WalletId,
        Color = button.Color,
        Size = button.Size,
        Shape = button.Shape,
        Theme = button.Theme,
        SuccessUrl = button.SuccessUrl,
        // A lifetime set through the API in seconds shows rounded up to the minute.
        LifetimeMinutes = button.ExpiresIn is { } seconds ? (seconds + 59) / 60 : null,
    };

    /// <summary>The amounts that are not numbers at all, by field; the service checks the rest.</summary>
    public Dictionary<string, string> InputErrors()
    {
        var errors = new Dictionary<string, string>();
        if (CustomerEntersAmount)
        {
            if (!OrderAmountInput.TryParse(AmountMin, out var min, out var minError))
                errors["amount_min"] = minError!;
            if (!OrderAmountInput.TryParse(AmountMax, out var max, out var maxError))
                errors["amount_max"] = maxError!;
            // Both left empty: the service asks for bounds under "amount"; name the first field instead.
            if (min is null && max is null && errors.Count == 0)
                errors["amount_min"] = "Enter the smallest amount a customer may pay.";
        }
        else if (!OrderAmountInput.TryParse(Amount, out _, out var amountError))
        {
            errors["amount"] = amountError!;
        }
        return errors;
    }

    /// <summary>The request the fields make; call once <see cref="InputErrors"/> finds none.</summary>
    public CreateButtonRequest ToRequest()
    {
        OrderAmountInput.TryParse(Amount, out var amount, out _);
        OrderAmountInput.TryParse(AmountMin, out var min, out _);
        OrderAmountInput.TryParse(AmountMax, out var max, out _);
        return new CreateButtonRequest(Label, CustomerEntersAmount ? null : amount, CustomerEntersAmount ? min : null,
            CustomerEntersAmount ? max : null, WalletId: WalletId, Style: new ButtonStyle(Color, Size, Shape, Theme), SuccessUrl: SuccessUrl)
        {
            Currency = Currency,
            ProductName = ProductName,
            ExpiresIn = LifetimeMinutes is { } minutes ? (int)Math.Clamp(minutes * 60L, int.MinValue, int.MaxValue) : null,
        };
    }

    private static string? Text(decimal? amount) => amount?.ToString("0.#######", CultureInfo.InvariantCulture);
}
