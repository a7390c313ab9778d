using Flux.Dashboard.Common;

namespace Flux.Dashboard.Features.Orders;

/// <summary>An order's life (docs/architecture.md, "The one path a payment takes"); the API spells these in snake_case.</summary>
public enum OrderStatus
{
    PendingConfirmation,
    Underpaid,
    AwaitingCredit,
    Confirmed,
    Expired,
    PaidAfterExpiry,
    Canceled,
}

public static class OrderStatusNames
{
    /// <summary>Every status as the API spells it, in the order of the enum.</summary>
    public static IReadOnlyList<string> All => SnakeCaseNames<OrderStatus>.All;

    /// <summary>The status as the API and events spell it: <c>pending_confirmation</c>, <c>awaiting_credit</c>, …</summary>
    public static string ApiName(this OrderStatus status) => SnakeCaseNames<OrderStatus>.Of(status);

    /// <summary>The status the API spells this way; null for a name that is none.</summary>
    public static OrderStatus? FromApiName(string name) => SnakeCaseNames<OrderStatus>.From(name);
}
