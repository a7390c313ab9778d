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

    /// <summary>Every status as the API spells it, in the order of the enum.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The status as the API and events spell it: <c>pending_confirmation</c>, <c>awaiting_credit</c>, …</summary>
    public static string ApiName(this OrderStatus status) => Names[(int)status];

    /// <summary>The status the API spells this way; null for a name that is none.</summary>
    public static OrderStatus? FromApiName(string name) => Array.IndexOf(Names, name) is var index and >= 0 ? (OrderStatus)index : null;
}
