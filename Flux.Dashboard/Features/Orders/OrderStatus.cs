namespace Flux.Dashboard.Features.Orders;

/// <summary>An order's life (DESIGN.md §2); the API spells these in snake_case.</summary>
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
