using Flux.Dashboard.Api;

namespace Flux.Dashboard.Features.Orders;

/// <summary>An order as the API shows it; the first fields are the product docs' response.</summary>
public sealed record OrderResource(
    string OrderId,
    decimal Amount,
    OrderStatus Status,
    DateTimeOffset CreatedAt,
    string Currency,
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
    bool Livemode)
{
    public const string PiCurrency = "PI";

    public static OrderResource Of(Order order, HttpContext http) => new(
        order.Id, order.Amount, order.Status, order.CreatedAt, PiCurrency, order.Description, order.Memo, order.PayTo,
        order.ExpiresAt, $"{ApiLinks.BaseUrl(http)}/checkout/{order.Id}", order.AmountReceived, order.AmountDue, order.Overpaid, order.PaidAt,
        order.ConfirmedAt, order.CanceledAt, order.TransactionHash, order.Livemode);
}

/// <summary>
/// The body of <c>POST /v1/orders</c> (and the product docs' <c>POST /order/confirm</c> and <c>flux.payments.create</c>):
/// <c>{"amount": 10.0, "currency": "PI", "description": "…", "merchant_wallet": "G…"}</c>.
/// </summary>
public sealed record CreateOrderBody(decimal? Amount, string? Currency = null, string? Description = null, string? MerchantWallet = null);
