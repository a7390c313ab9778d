using Flux.Dashboard.Api;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Features.Buttons;

/// <summary>A button as the secret API shows it to its merchant, with the snippet to paste into a shop.</summary>
public sealed record ButtonResource(
    string ButtonId,
    string Label,
    decimal? Amount,
    decimal? AmountMin,
    decimal? AmountMax,
    string Currency,
    string MerchantWallet,
    ButtonStyle Style,
    string? SuccessUrl,
    bool Enabled,
    bool Livemode,
    DateTimeOffset CreatedAt,
    string Snippet)
{
    public static ButtonResource Of(OrderButton button, HttpContext http) => new(
        button.Id, button.Label, button.Amount, button.AmountMin, button.AmountMax, button.Currency, button.PayTo,
        button.Style, button.SuccessUrl, button.Enabled, button.Livemode, button.CreatedAt,
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
    bool Livemode)
{
    public static PublicButtonResource Of(OrderButton button) => new(
        button.Id, button.Label, button.Amount, button.AmountMin, button.AmountMax, button.Currency, button.Style,
        button.SuccessUrl, button.Enabled, button.Livemode);
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
/// <c>label</c>, <c>merchant_wallet</c> (optional: the default wallet), <c>style</c> and <c>success_url</c>.
/// </summary>
public sealed record CreateButtonBody(
    decimal? Amount = null, decimal? AmountMin = null, decimal? AmountMax = null, string? Label = null, string? MerchantWallet = null,
    ButtonStyleBody? Style = null, string? SuccessUrl = null, string? Currency = null);

/// <summary>A button's style in a request; what is left out keeps the default.</summary>
public sealed record ButtonStyleBody(string? Color = null, string? Size = null, string? Shape = null, string? Theme = null)
{
    public ButtonStyle ToStyle() => new(
        Color ?? ButtonStyle.Default.Color, Size ?? ButtonStyle.Default.Size, Shape ?? ButtonStyle.Default.Shape, Theme ?? ButtonStyle.Default.Theme);
}

/// <summary>The body of <c>POST /v1/public/buttons/{id}/orders</c>: an amount only for a button whose customer enters it.</summary>
public sealed record ButtonOrderBody(decimal? Amount = null);
