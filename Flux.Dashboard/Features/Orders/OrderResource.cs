using Flux.Dashboard.Api;
using Flux.Dashboard.Features.Rates;

namespace Flux.Dashboard.Features.Orders;

/// <summary>An order as the API shows it; the first fields are the product docs' response.</summary>
public sealed record OrderResource(
    string OrderId,
    decimal Amount,
    OrderStatus Status,
    DateTimeOffset CreatedAt,
    string Currency,
    PriceResource? Price,
    RateResource? Rate,
    string? Description,
    string Memo,
    string PayTo,
    DateTimeOffset ExpiresAt,
    string CheckoutUrl,
    decimal AmountReceived,
    decimal AmountDue,
    bool Overpaid,
    DateTimeOffset? PaidAt,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? CanceledAt,
    string? TransactionHash,
    string? PaymentLink,
    string? CustomerEmail,
    bool Livemode)
{
    public const string PiCurrency = "PI";

    public static OrderResource Of(Order order, HttpContext http) => new(
        order.Id, order.Amount, order.Status, order.CreatedAt, PiCurrency, PriceResource.Of(order), RateResource.Of(order), order.Description, order.Memo, order.PayTo,
        order.ExpiresAt, $"{ApiLinks.BaseUrl(http)}/checkout/{order.Id}", order.AmountReceived, order.AmountDue, order.Overpaid, order.PaidAt,
        order.ConfirmedAt, order.CanceledAt, order.TransactionHash, order.PaymentLinkId, order.CustomerEmail, order.Livemode);
}

/// <summary>
/// The body of <c>POST /v1/orders</c> (and the product docs' <c>POST /order/confirm</c> and <c>flux.payments.create</c>):
/// <c>{"amount": 10.0, "currency": "PI", "description": "…", "merchant_wallet": "G…"}</c>. With another currency
/// (<c>{"amount": 4.99, "currency": "USD"}</c>) the amount is a price in it, locked into Pi at the current rate.
/// <c>expires_in</c> (seconds, 60 to 604800) sets how long it waits for payment instead of 30 minutes; <c>customer_email</c>
/// gets the receipt once it is confirmed.
/// </summary>
public sealed record CreateOrderBody(decimal? Amount, string? Currency = null, string? Description = null, string? MerchantWallet = null,
    int? ExpiresIn = null, string? CustomerEmail = null);
