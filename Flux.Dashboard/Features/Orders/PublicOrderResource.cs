using Flux.Dashboard.Features.Rates;

namespace Flux.Dashboard.Features.Orders;

/// <summary>
/// An order as anyone holding its id sees it (<c>/v1/public/orders/{id}</c>): what a customer needs to pay and follow it.
/// Nothing of the merchant beyond the wallet to pay, and no description, which merchants may use for their own notes.
/// </summary>
public sealed record PublicOrderResource(
    string OrderId,
    OrderStatus Status,
    decimal Amount,
    decimal AmountReceived,
    decimal AmountDue,
    string Currency,
    PriceResource? Price,
    RateResource? Rate,
    string PayTo,
    string Memo,
    DateTimeOffset ExpiresAt,
    bool Livemode,
    string? TransactionHash)
{
    public static PublicOrderResource Of(Order order) => new(
        order.Id, order.Status, order.Amount, order.AmountReceived, order.AmountDue,
        OrderResource.PiCurrency, PriceResource.Of(order), RateResource.Of(order), order.PayTo, order.Memo, order.ExpiresAt, order.Livemode, order.TransactionHash);

    /// <summary>Statuses after which nothing changes for the customer, so a status stream ends.</summary>
    public static bool IsFinal(OrderStatus status) =>
        status is OrderStatus.Confirmed or OrderStatus.Expired or OrderStatus.Canceled or OrderStatus.PaidAfterExpiry;
}
