namespace Flux.Dashboard.Features.Orders;

public enum MatchOutcome
{
    /// <summary>No order carries this memo for this wallet: kept for the merchant's triage.</summary>
    Unmatched,
    Confirmed,
    Underpaid,
    /// <summary>Paid in full, but the merchant has no credit: confirms as soon as credits arrive.</summary>
    AwaitingCredit,
    /// <summary>Paid after the order expired: kept, and the merchant decides.</summary>
    PaidAfterExpiry,
    /// <summary>A further payment to an order that was already paid, canceled or paid late: added to what it received.</summary>
    AddedToClosedOrder,
}

/// <summary>An incoming native payment as the matcher needs it.</summary>
public sealed record IncomingPayment(string Network, string Wallet, decimal Amount, string? MemoType, string? Memo, DateTimeOffset PaidAt);

public sealed record MatchDecision(MatchOutcome Outcome, decimal AmountReceived)
{
    public static readonly MatchDecision Unmatched = new(MatchOutcome.Unmatched, 0);
}

/// <summary>Decides what a payment means for the order its memo names. Pure: no clock, no database.</summary>
public static class PaymentMatcher
{
    public static MatchDecision Decide(IncomingPayment payment, Order? order, bool merchantHasCredit)
    {
        // The memo only counts when it is a text memo naming an order that is paid into this very wallet.
        if (order is null || payment.MemoType != "text" || payment.Memo != order.Id
            || payment.Network != order.Network || payment.Wallet != order.PayTo)
            return MatchDecision.Unmatched;

        var received = order.AmountReceived + payment.Amount;
        return order.Status switch
        {
            OrderStatus.Confirmed or OrderStatus.AwaitingCredit or OrderStatus.Canceled or OrderStatus.PaidAfterExpiry
                => new(MatchOutcome.AddedToClosedOrder, received),
            OrderStatus.Expired => new(MatchOutcome.PaidAfterExpiry, received),
            _ when payment.PaidAt > order.ExpiresAt => new(MatchOutcome.PaidAfterExpiry, received),
            _ when received < order.Amount => new(MatchOutcome.Underpaid, received),
            _ => new(merchantHasCredit ? MatchOutcome.Confirmed : MatchOutcome.AwaitingCredit, received),
        };
    }
}
