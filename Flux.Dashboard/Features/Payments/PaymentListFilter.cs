using Flux.Dashboard.Api;
using Flux.Dashboard.Chain.Watching;

namespace Flux.Dashboard.Features.Payments;

/// <summary>What <c>GET /v1/payments</c> narrows the list to besides paging and creation time: one order's payments, or the unmatched ones.</summary>
public sealed record PaymentListFilter(string? OrderId = null, bool? Unmatched = null)
{
    public static readonly ApiQueryParameter OrderIdParameter =
        new("order_id", "Only the payments matched to this order (ord_…).");

    public static readonly ApiQueryParameter UnmatchedParameter =
        new("unmatched", "true: only payments no order matched (a wrong memo or amount, say); false: only matched ones.", ApiQueryType.Boolean);

    public static readonly IReadOnlyList<ApiQueryParameter> Parameters = [OrderIdParameter, UnmatchedParameter];

    public static bool TryParse(IQueryCollection query, out PaymentListFilter filter, out ApiError? error)
    {
        filter = new();
        if (!OrderIdParameter.TryReadText(query, out var orderId, out error) || !UnmatchedParameter.TryReadBoolean(query, out var unmatched, out error))
            return false;
        if (orderId is not null && unmatched == true)
        {
            error = ApiError.InvalidRequest("A payment of an order is matched: pass order_id or unmatched=true, not both.", UnmatchedParameter.Name);
            return false;
        }
        filter = new(orderId, unmatched);
        return true;
    }

    public IQueryable<ChainPayment> Apply(IQueryable<ChainPayment> payments)
    {
        if (OrderId is { } orderId)
            payments = payments.Where(p => p.OrderId == orderId);
        if (Unmatched is { } unmatched)
            payments = payments.Where(p => (p.OrderId == null) == unmatched);
        return payments;
    }
}
