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
    private static readonly string[] Names =
        [.. Enum.GetValues<OrderStatus>().Select(status => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString()))];

    /// <summary>The status as the API and events spell it: <c>pending_confirmation</c>, <c>awaiting_credit</c>, …</summary>
    public static string ApiName(this OrderStatus status) => Names[(int)status];
}
