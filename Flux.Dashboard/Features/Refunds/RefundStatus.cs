using Flux.Dashboard.Common;

namespace Flux.Dashboard.Features.Refunds;

/// <summary>A refund's life (<see cref="RefundRules"/>); the API spells these in snake_case.</summary>
public enum RefundStatus
{
    /// <summary>Waiting for the merchant's payment with the refund's memo.</summary>
    Pending,
    /// <summary>The payment sent the whole amount (or more).</summary>
    Succeeded,
    /// <summary>The payment sent less than the amount; the rest can be refunded by a new refund.</summary>
    PartiallyRefunded,
    Canceled,
}

public static class RefundStatusNames
{
    /// <summary>The status as the API and events spell it: <c>pending</c>, <c>partially_refunded</c>, …</summary>
    public static string ApiName(this RefundStatus status) => SnakeCaseNames<RefundStatus>.Of(status);
}
