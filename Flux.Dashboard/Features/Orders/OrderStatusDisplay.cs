using MudBlazor;

namespace Flux.Dashboard.Features.Orders;

/// <summary>
/// How each status reads and is coloured wherever an order is shown. The words are the API's status names, spelt for
/// people (<c>pending_confirmation</c> is "Pending confirmation"), so the dashboard and the API never disagree.
/// </summary>
public static class OrderStatusDisplay
{
    public static string Label(OrderStatus status) => status switch
    {
        OrderStatus.PendingConfirmation => "Pending confirmation",
        OrderStatus.Underpaid => "Underpaid",
        OrderStatus.AwaitingCredit => "Awaiting credit",
        OrderStatus.Confirmed => "Confirmed",
        OrderStatus.Expired => "Expired",
        OrderStatus.PaidAfterExpiry => "Paid after expiry",
        OrderStatus.Canceled => "Canceled",
        _ => status.ToString(),
    };

    public static Color Color(OrderStatus status) => status switch
    {
        OrderStatus.PendingConfirmation => MudBlazor.Color.Info,
        OrderStatus.Underpaid => MudBlazor.Color.Warning,
        OrderStatus.AwaitingCredit => MudBlazor.Color.Secondary,
        OrderStatus.Confirmed => MudBlazor.Color.Success,
        // Money arrived that the merchant has to decide about.
        OrderStatus.PaidAfterExpiry => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static bool CanCancel(OrderStatus status) => status is OrderStatus.PendingConfirmation or OrderStatus.Underpaid;

    /// <summary>
    /// Whether "Simulate payment" makes sense: only while the order waits for (the rest of) its payment, as a customer
    /// would pay it. A confirmed, expired or canceled order takes no more test payments from the dashboard.
    /// </summary>
    public static bool CanSimulatePayment(OrderStatus status) => status is OrderStatus.PendingConfirmation or OrderStatus.Underpaid;
}
