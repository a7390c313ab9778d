using Flux.Dashboard.Api;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Features.PaymentLinks;

/// <summary>
/// A shareable link to a hosted page, <c>/pay/{id}</c>, where anyone buys one product: each customer who proceeds gets
/// an order of their own (Stripe's Payment Links). The price lives here, on the server, in Pi or in the merchant's currency.
/// </summary>
public sealed class PaymentLink : IListedRow
{
    public required string Id { get; init; }
    public required string MerchantId { get; init; }
    public bool Livemode { get; init; }
    public required string WalletId { get; init; }
    public required string PayTo { get; init; }
    public required string ProductName { get; init; }

    /// <summary><c>PI</c>, or an ISO 4217 code: <see cref="Amount"/> is then a price in it, locked into Pi per order.</summary>
    public required string Currency { get; init; }

    /// <summary>The price of one item: Pi, or a price in <see cref="Currency"/>.</summary>
    public decimal Amount { get; init; }

    /// <summary>Whether the customer chooses how many (1 to <see cref="PaymentLinkRules.MaxQuantity"/>).</summary>
    public bool QuantityAdjustable { get; init; }

    /// <summary>
    /// Where the checkout takes the customer once their order is confirmed, <see cref="PaymentLinkRules.OrderIdPlaceholder"/>
    /// replaced by the order's id (Stripe's "after payment, redirect customers to your website"); null keeps them on the checkout.
    /// </summary>
    public string? SuccessUrl { get; init; }

    /// <summary>How long each of its orders waits for payment, in seconds; null leaves it to order creation's default.</summary>
    public int? ExpiresIn { get; init; }

    /// <summary>False once the merchant deactivated it: its page says it is no longer available and starts no orders.</summary>
    public bool Active { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The limits a payment link respects, shared by the dashboard dialog and the API.</summary>
public static class PaymentLinkRules
{
    public const string IdPrefix = "plink";
    public const int MaxProductNameLength = 120;
    public const int MaxQuantity = 99;

    /// <summary>The customer's page of a link: <c>{base}/pay/{id}</c>.</summary>
    public static string UrlFor(string baseUrl, string linkId) => $"{baseUrl.TrimEnd('/')}/pay/{linkId}";

    /// <summary>What a link's <see cref="PaymentLink.SuccessUrl"/> may hold for the shop to know which order was paid.</summary>
    public const string OrderIdPlaceholder = "{ORDER_ID}";

    /// <summary>A link's success URL for one of its orders: every <see cref="OrderIdPlaceholder"/> becomes the order's id, URL-encoded.</summary>
    public static string SuccessUrlFor(string successUrl, string orderId) =>
        successUrl.Replace(OrderIdPlaceholder, Uri.EscapeDataString(orderId), StringComparison.Ordinal);

    /// <summary>What an order from the link is for: the product, and how many when more than one.</summary>
    public static string DescriptionFor(PaymentLink link, int quantity) =>
        quantity == 1 ? link.ProductName : $"{link.ProductName} × {quantity}";

    /// <summary>How a link names its currency to people: <c>Pi</c>, or the ISO code (<c>USD</c>).</summary>
    public static string UnitOf(string currency) => currency == OrderResource.PiCurrency ? "Pi" : currency;

    /// <summary>A price for people: <c>2.5 Pi</c>, <c>4.99 USD</c>.</summary>
    public static string PriceText(decimal amount, string currency) => $"{PriceNumber(amount, currency)} {UnitOf(currency)}";

    /// <summary>A price's number as <see cref="PriceText"/> writes it: <c>2.5</c>, <c>4.99</c>.</summary>
    public static string PriceNumber(decimal amount, string currency) =>
        currency == OrderResource.PiCurrency
            ? PiFormat.Amount(amount)
            : amount.ToString("#,0.####", System.Globalization.CultureInfo.InvariantCulture);
}
