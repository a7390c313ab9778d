using Flux.Dashboard.Api;

namespace Flux.Dashboard.Features.Orders;

/// <summary>
/// What <c>GET /v1/orders</c> narrows the list to besides paging and creation time: a status, and the order button or
/// payment link customers started the orders from.
/// </summary>
public sealed record OrderListFilter(OrderStatus? Status = null, string? ButtonId = null, string? PaymentLinkId = null)
{
    public static readonly ApiQueryParameter StatusParameter =
        new("status", "Only orders in this status.") { Values = OrderStatusNames.All };

    public static readonly ApiQueryParameter ButtonIdParameter =
        new("button_id", "Only orders customers started from this order button (btn_…).");

    public static readonly ApiQueryParameter PaymentLinkParameter =
        new("payment_link", "Only orders customers started from this payment link (plink_…).");

    public static readonly IReadOnlyList<ApiQueryParameter> Parameters = [StatusParameter, ButtonIdParameter, PaymentLinkParameter];

    public static bool TryParse(IQueryCollection query, out OrderListFilter filter, out ApiError? error)
    {
        filter = new();
        if (!StatusParameter.TryReadText(query, out var status, out error) || !ButtonIdParameter.TryReadText(query, out var buttonId, out error)
            || !PaymentLinkParameter.TryReadText(query, out var paymentLinkId, out error))
            return false;
        filter = new(status is null ? null : OrderStatusNames.FromApiName(status), buttonId, paymentLinkId);
        return true;
    }

    public IQueryable<Order> Apply(IQueryable<Order> orders)
    {
        if (Status is { } status)
            orders = orders.Where(o => o.Status == status);
        if (ButtonId is { } buttonId)
            orders = orders.Where(o => o.ButtonId == buttonId);
        if (PaymentLinkId is { } paymentLinkId)
            orders = orders.Where(o => o.PaymentLinkId == paymentLinkId);
        return orders;
    }
}
