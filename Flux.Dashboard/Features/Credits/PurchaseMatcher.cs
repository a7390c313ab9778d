using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Features.Credits;

public enum PurchaseOutcome
{
    /// <summary>No purchase carries this memo for this treasury wallet.</summary>
    Unmatched,
    /// <summary>The payments reached the price: the pack is granted now.</summary>
    Paid,
    /// <summary>Less than the price so far: nothing is granted yet.</summary>
    Underpaid,
    /// <summary>A further payment to a purchase already paid: added to what it received (an overpayment).</summary>
    AddedToPaid,
}

public sealed record PurchaseDecision(PurchaseOutcome Outcome, decimal AmountReceived);

/// <summary>Decides what a payment into a treasury wallet means for the purchase its memo names. Pure.</summary>
public static class PurchaseMatcher
{
    public static PurchaseDecision Decide(IncomingPayment payment, CreditPurchase? purchase)
    {
        if (purchase is null || payment.MemoType != "text" || payment.Memo != purchase.Memo
            || payment.Network != purchase.Network || payment.Wallet != purchase.PayTo)
            return new(PurchaseOutcome.Unmatched, 0);

        var received = purchase.AmountReceived + payment.Amount;
        if (purchase.Status == PurchaseStatus.Paid)
            return new(PurchaseOutcome.AddedToPaid, received);
        return new(received >= purchase.Price ? PurchaseOutcome.Paid : PurchaseOutcome.Underpaid, received);
    }
}
