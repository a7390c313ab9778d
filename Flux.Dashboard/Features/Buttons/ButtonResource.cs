using Flux.Dashboard.Api;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Features.Buttons;

/// <summary>A button as the secret API shows it to its merchant, with the snippet to paste into a shop.</summary>
public sealed record ButtonResource(
    string ButtonId,
    string Label,
    string? ProductName,
    decimal? Amount,
    decimal? AmountMin,
    decimal? AmountMax,
    string Currency,
    string MerchantWallet,
    ButtonStyle Style,
    string? SuccessUrl,
    int? ExpiresIn,
    bool Enabled,
    bool Archived,
    bool Livemode,
    DateTimeOffset CreatedAt,
    string Snippet)
{
    public static ButtonResource Of(OrderButton button, HttpContext http) => new(
        button.Id, button.Label, button.ProductName, button.Amount, button.AmountMin, button.AmountMax, button.Currency, button.PayTo,
        button.Style, button.SuccessUrl, button.ExpiresIn, button.Enabled, button.Archived, button.Livemode, button.CreatedAt,
        ButtonSnippet.For(ApiLinks.BaseUrl(http), button.Id));
}

/// <summary>
/// A button as any page showing it reads it (<c>/v1/public/buttons/{id}</c>): how to render it and what it charges.
/// Nothing of the merchant: no merchant id, no wallet.
/// </summary>
public sealed record PublicButtonResource(
    string ButtonId,
    string Label,
    decimal? Amount,
    decimal? AmountMin,
    decimal? AmountMax,
    string Currency,
    ButtonStyle Style,
    string? SuccessUrl,
    bool Enabled,
    bool Archived,
    bool Livemode)
{
    public static PublicButtonResource Of(OrderButton button) => new(
        button.Id, button.Label, button.Amount, button.AmountMin, button.AmountMax, button.Currency, button.Style,
        button.SuccessUrl, button.Enabled, button.Archived, button.Livemode);
}

/// <summary>An order started from a button: the public order fields and the hosted checkout to open.</summary>
public sealed record PublicButtonOrderResource(
    string OrderId,
    OrderStatus Status,
    decimal Amount,
    decimal AmountReceived,
    decimal AmountDue,
    string Currency,
    string PayTo,
    string Memo,
    DateTimeOffset ExpiresAt,
    bool Livemode,
    string? TransactionHash,
    string CheckoutUrl)
{
    public static PublicButtonOrderResource Of(Order order, HttpContext http)
    {
        var o = PublicOrderResource.Of(order);
        return new(o.OrderId, o.Status, o.Amount, o.AmountReceived, o.AmountDue, o.Currency, o.PayTo, o.Memo, o.ExpiresAt, o.Livemode,
            o.TransactionHash, $"{ApiLinks.BaseUrl(http)}/checkout/{order.Id}");
    }
}

/// <summary>What a merchant pastes into their shop.</summary>
public static class ButtonSnippet
{
    public const string ScriptPath = "/embed/flux-button.js";

    // Button ids are base62 after "btn_", so they need no escaping inside the attribute.
    public static string For(string baseUrl, string buttonId) =>
        $"""<script src="{baseUrl.TrimEnd('/')}{ScriptPath}" async></script><div class="flux-button" data-button-id="{buttonId}"></div>""";
}

/// <summary>
/// The body of <c>POST /v1/buttons</c>: <c>{"amount": 10.0}</c> or <c>{"amount_min": 1, "amount_max": 50}</c>, with
/// <c>label</c>, <c>product_name</c>, <c>merchant_wallet</c> (optional: the default wallet), <c>style</c>,
/// <c>success_url</c> and <c>expires_in</c>.
/// </summary>
public sealed record CreateButtonBody(
    decimal? Amount = null, decimal? AmountMin = null, decimal? AmountMax = null, string? Label = null, string? MerchantWallet = null,
    ButtonStyleBody? Style = null, string? SuccessUrl = null, string? Currency = null, string? ProductName = null, int? ExpiresIn = null);

/// <summary>A button's style in a request; what is left out keeps the default (or, in an update, what the button had).</summary>
public sealed record ButtonStyleBody(string? Color = null, string? Size = null, string? Shape = null, string? Theme = null)
{
    public ButtonStyle ToStyle() => Over(ButtonStyle.Default);

    public ButtonStyle Over(ButtonStyle current) => new(Color ?? current.Color, Size ?? current.Size, Shape ?? current.Shape, Theme ?? current.Theme);
}

/// <summary>
/// The body of <c>POST /v1/buttons/{id}</c>, Stripe's update: only the fields given change. <c>amount</c> makes the
/// amount fixed; <c>amount_min</c>/<c>amount_max</c> make it the customer's, within the bounds (one given keeps the
/// other). <c>""</c> clears <c>product_name</c> and <c>success_url</c>, <c>null</c> <c>expires_in</c> (the merchant's
/// default again); <c>archived</c> archives or restores the button.
/// </summary>
public sealed record UpdateButtonBody
{
    private readonly int? expiresIn;

    public string? Label { get; init; }
    public string? ProductName { get; init; }
    public decimal? Amount { get; init; }
    public decimal? AmountMin { get; init; }
    public decimal? AmountMax { get; init; }
    public string? Currency { get; init; }
    public string? MerchantWallet { get; init; }
    public ButtonStyleBody? Style { get; init; }
    public string? SuccessUrl { get; init; }

    // Only here is null a value (back to the merchant's default) rather than "leave it": the setter runs when the body names it.
    public int? ExpiresIn
    {
        get => expiresIn;
        init => (expiresIn, ExpiresInGiven) = (value, true);
    }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool ExpiresInGiven { get; private init; }

    public bool? Archived { get; init; }

    /// <summary>The change to the button; <paramref name="walletAddress"/> is <c>merchant_wallet</c> once checked.</summary>
    public ButtonUpdate ToUpdate(string? walletAddress) => new(ChangesFields ? current => Apply(current, walletAddress) : null, Archived);

    /// <summary>Whether the body changes more than <c>archived</c>: archiving alone checks nothing else again.</summary>
    private bool ChangesFields => Label is not null || ProductName is not null || Amount is not null || AmountMin is not null
        || AmountMax is not null || Currency is not null || MerchantWallet is not null || Style is not null || SuccessUrl is not null
        || ExpiresInGiven;

    private CreateButtonRequest Apply(CreateButtonRequest current, string? walletAddress)
    {
        var (amount, min, max) = (Amount, AmountMin, AmountMax) switch
        {
            (null, null, null) => (current.Amount, current.AmountMin, current.AmountMax),
            (null, _, _) => ((decimal?)null, AmountMin ?? current.AmountMin, AmountMax ?? current.AmountMax),
            // Both kinds given: the service refuses them together, as a new button's.
            _ => (Amount, AmountMin, AmountMax),
        };
        return current with
        {
            Label = Label ?? current.Label,
            ProductName = ProductName ?? current.ProductName,
            Amount = amount,
            AmountMin = min,
            AmountMax = max,
            Currency = Currency ?? current.Currency,
            WalletId = walletAddress is null ? current.WalletId : null,
            WalletAddress = walletAddress ?? current.WalletAddress,
            Style = Style?.Over(current.Style ?? ButtonStyle.Default) ?? current.Style,
            SuccessUrl = SuccessUrl ?? current.SuccessUrl,
            ExpiresIn = ExpiresInGiven ? ExpiresIn : current.ExpiresIn,
        };
    }
}

/// <summary>The body of <c>POST /v1/public/buttons/{id}/orders</c>: an amount only for a button whose customer enters it.</summary>
public sealed record ButtonOrderBody(decimal? Amount = null);
