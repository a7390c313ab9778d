using System.Text.Json.Serialization;
using Flux.Dashboard.Features.Events;

namespace Flux.Dashboard.Features.Orders;

// The data of the order.* events (see IEventData), in the order their fields go out.

/// <summary><c>order.created</c>: what the customer must pay, where, with which memo, until when.</summary>
public sealed record OrderCreated(string OrderId, decimal Amount, string PayTo, string Memo, DateTimeOffset ExpiresAt) : IOrderEventData
{
    public static string Type => "order.created";
    public static IEventData Example => new OrderCreated(EventExamples.OrderId, 10.0m, EventExamples.Wallet, EventExamples.OrderId, EventExamples.At.AddMinutes(30));

    public static OrderCreated Of(Order order) => new(order.Id, order.Amount, order.PayTo, order.Memo, order.ExpiresAt);
}

/// <summary>An order as the events that change what it received show it: paid, awaiting credit, paid after expiry, confirmed.</summary>
public abstract record OrderPaymentState
{
    public string OrderId { get; init; } = "";
    public decimal Amount { get; init; }
    public decimal AmountReceived { get; init; }
    public bool Overpaid { get; init; }
    public string Status { get; init; } = "";
    public string? TransactionHash { get; init; }

    /// <summary>The button the order came from, so the SDK can call that button's <c>onOrderConfirmed</c>.</summary>
    public string? ButtonId { get; init; }

    /// <summary>The payment link (<c>plink_…</c>) the order came from.</summary>
    public string? PaymentLink { get; init; }

    public static T Of<T>(Order order) where T : OrderPaymentState, new() => new()
    {
        OrderId = order.Id,
        Amount = order.Amount,
        AmountReceived = order.AmountReceived,
        Overpaid = order.Overpaid,
        Status = order.Status.ApiName(),
        TransactionHash = order.TransactionHash,
        ButtonId = order.ButtonId,
        PaymentLink = order.PaymentLinkId,
    };

    private protected static T ExampleWith<T>(string status) where T : OrderPaymentState, new() => new()
    {
        OrderId = EventExamples.OrderId, Amount = 10.0m, AmountReceived = 10.0m, Status = status, TransactionHash = EventExamples.TransactionHash,
    };
}

/// <summary><c>order.confirmed</c>: paid in full, one credit spent.</summary>
public sealed record OrderConfirmed : OrderPaymentState, IOrderEventData
{
    public static string Type => "order.confirmed";
    public static IEventData Example => ExampleWith<OrderConfirmed>("confirmed") with { CreditsRemaining = 41 };

    // After the order's fields (a derived record's own fields would go first).
    [JsonPropertyOrder(1)]
    public int CreditsRemaining { get; init; }

    /// <summary>Paid after the order expired, and the merchant accepted the payment.</summary>
    [JsonPropertyOrder(2)]
    public bool Late { get; init; }

    /// <summary>The customer's address the order was created with, to which Flux mails the receipt's link.</summary>
    [JsonPropertyOrder(3)]
    public string? CustomerEmail { get; init; }
}

/// <summary><c>order.awaiting_credit</c>: paid in full while the merchant had no credit; confirms when credits arrive.</summary>
public sealed record OrderAwaitingCredit : OrderPaymentState, IOrderEventData
{
    public static string Type => "order.awaiting_credit";
    public static IEventData Example => ExampleWith<OrderAwaitingCredit>("awaiting_credit");
}

/// <summary><c>order.paid_after_expiry</c>: paid once the order had expired; the merchant decides.</summary>
public sealed record OrderPaidAfterExpiry : OrderPaymentState, IOrderEventData
{
    public static string Type => "order.paid_after_expiry";
    public static IEventData Example => ExampleWith<OrderPaidAfterExpiry>("paid_after_expiry");
}

/// <summary><c>order.underpaid</c>: part of the amount arrived.</summary>
public sealed record OrderUnderpaid(string OrderId, decimal Amount, decimal AmountReceived, decimal AmountDue) : IOrderEventData
{
    public static string Type => "order.underpaid";
    public static IEventData Example => new OrderUnderpaid(EventExamples.OrderId, 10.0m, 4.0m, 6.0m);
}

/// <summary><c>order.expired</c>: not (fully) paid in time.</summary>
public sealed record OrderExpired(string OrderId, decimal Amount, decimal AmountReceived) : IOrderEventData
{
    public static string Type => "order.expired";
    public static IEventData Example => new OrderExpired(EventExamples.OrderId, 10.0m, 0m);
}

/// <summary><c>order.canceled</c>: the merchant canceled it before it was paid.</summary>
public sealed record OrderCanceled(string OrderId) : IOrderEventData
{
    public static string Type => "order.canceled";
    public static IEventData Example => new OrderCanceled(EventExamples.OrderId);
}

/// <summary>
/// <c>order.payment_after_close</c>: money arrived for an order already settled (confirmed, canceled, …); it keeps its
/// status, and the customer may be owed a refund of <see cref="Payment"/>.
/// </summary>
public sealed record OrderPaymentAfterClose(string OrderId, string Status, decimal Amount, decimal AmountReceived, LatePayment Payment) : IOrderEventData
{
    public static string Type => "order.payment_after_close";
    public static IEventData Example => new OrderPaymentAfterClose(EventExamples.OrderId, "confirmed", 10.0m, 12.5m,
        new LatePayment(EventExamples.TransactionHash, EventExamples.Customer, 2.5m, EventExamples.At));
}

/// <summary>The payment an <see cref="OrderPaymentAfterClose"/> reports: its transaction, sender, amount and ledger time.</summary>
public sealed record LatePayment(string TransactionHash, string? From, decimal Amount, DateTimeOffset PaidAt);
