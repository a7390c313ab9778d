using Flux.Dashboard.Features.Events;

namespace Flux.Dashboard.Features.Refunds;

// The data of the refund.* events (see IEventData), in the order their fields go out.

/// <summary>A refund as its events show it: what to send back, to whom, with which memo, and what was sent.</summary>
public abstract record RefundState
{
    public string RefundId { get; init; } = "";
    public string? OrderId { get; init; }
    public string PaymentId { get; init; } = "";
    public decimal Amount { get; init; }
    public string Status { get; init; } = "";
    public string PayFrom { get; init; } = "";
    public string PayTo { get; init; } = "";
    public string Memo { get; init; } = "";
    public string? Reason { get; init; }
    public decimal AmountRefunded { get; init; }
    public string? TransactionHash { get; init; }
    public DateTimeOffset? RefundedAt { get; init; }

    public static T Of<T>(Refund refund) where T : RefundState, new() => new()
    {
        RefundId = refund.Id,
        OrderId = refund.OrderId,
        PaymentId = refund.PaymentId,
        Amount = refund.Amount,
        Status = refund.Status.ApiName(),
        PayFrom = refund.PayFrom,
        PayTo = refund.PayTo,
        Memo = refund.Memo,
        Reason = refund.Reason,
        AmountRefunded = refund.AmountRefunded,
        TransactionHash = refund.TransactionHash,
        RefundedAt = refund.RefundedAt,
    };

    private protected static T ExampleWith<T>(RefundStatus status) where T : RefundState, new()
    {
        var paid = status is RefundStatus.Succeeded or RefundStatus.PartiallyRefunded;
        return new()
        {
            RefundId = RefundExamples.RefundId,
            OrderId = EventExamples.OrderId,
            PaymentId = EventExamples.PaymentId,
            Amount = 1.0m,
            Status = status.ApiName(),
            PayFrom = EventExamples.Wallet,
            PayTo = EventExamples.Customer,
            Memo = RefundExamples.RefundId,
            Reason = "Overpaid",
            AmountRefunded = status == RefundStatus.PartiallyRefunded ? 0.5m : paid ? 1.0m : 0,
            TransactionHash = paid ? EventExamples.TransactionHash : null,
            RefundedAt = paid ? EventExamples.At.AddMinutes(5) : null,
        };
    }
}

/// <summary><c>refund.created</c>: the merchant is to pay <c>amount</c> from <c>pay_from</c> to <c>pay_to</c> with <c>memo</c>.</summary>
public sealed record RefundCreated : RefundState, IEventData
{
    public static string Type => "refund.created";
    public static IEventData Example => ExampleWith<RefundCreated>(RefundStatus.Pending);
}

/// <summary><c>refund.succeeded</c>: the refund payment was seen on chain with the whole amount.</summary>
public sealed record RefundSucceeded : RefundState, IEventData
{
    public static string Type => "refund.succeeded";
    public static IEventData Example => ExampleWith<RefundSucceeded>(RefundStatus.Succeeded);
}

/// <summary><c>refund.partially_refunded</c>: the refund payment was seen on chain with less than the amount.</summary>
public sealed record RefundPartiallyRefunded : RefundState, IEventData
{
    public static string Type => "refund.partially_refunded";
    public static IEventData Example => ExampleWith<RefundPartiallyRefunded>(RefundStatus.PartiallyRefunded);
}

/// <summary><c>refund.canceled</c>: the merchant canceled the refund before paying it.</summary>
public sealed record RefundCanceled : RefundState, IEventData
{
    public static string Type => "refund.canceled";
    public static IEventData Example => ExampleWith<RefundCanceled>(RefundStatus.Canceled);
}
