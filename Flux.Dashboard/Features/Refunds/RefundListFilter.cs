using Flux.Dashboard.Api;
using Flux.Dashboard.Common;

namespace Flux.Dashboard.Features.Refunds;

/// <summary>What <c>GET /v1/refunds</c> narrows the list to besides paging and creation time: a status, one order's refunds.</summary>
public sealed record RefundListFilter(RefundStatus? Status = null, string? OrderId = null)
{
    public static readonly ApiQueryParameter StatusParameter =
        new("status", "Only refunds in this status.") { Values = SnakeCaseNames<RefundStatus>.All };

    public static readonly ApiQueryParameter OrderIdParameter =
        new("order_id", "Only the refunds of this order (ord_…).");

    public static readonly IReadOnlyList<ApiQueryParameter> Parameters = [StatusParameter, OrderIdParameter];

    public static bool TryParse(IQueryCollection query, out RefundListFilter filter, out ApiError? error)
    {
        filter = new();
        if (!StatusParameter.TryReadText(query, out var status, out error) || !OrderIdParameter.TryReadText(query, out var orderId, out error))
            return false;
        filter = new(status is null ? null : SnakeCaseNames<RefundStatus>.From(status), orderId);
        return true;
    }

    public IQueryable<Refund> Apply(IQueryable<Refund> refunds)
    {
        if (Status is { } status)
            refunds = refunds.Where(r => r.Status == status);
        if (OrderId is { } orderId)
            refunds = refunds.Where(r => r.OrderId == orderId);
        return refunds;
    }
}
