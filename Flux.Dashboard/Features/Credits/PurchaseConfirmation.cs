using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Credits;

/// <summary>
/// The credit-purchase half of the confirmation transaction: a treasury payment with a purchase memo adds to what the
/// purchase received and, once the price is reached, grants the pack (no credit spent) and confirms the merchant's
/// awaiting_credit orders right after — all inside the caller's transaction.
/// </summary>
public static class PurchaseConfirmation
{
    public static async Task<PurchaseOutcome> ApplyAsync(FluxDbContext db, CreditBook credits, ChainPayment payment, IncomingPayment incoming,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var purchase = await db.Set<CreditPurchase>().FindAsync([incoming.Memo], cancellationToken);
        var decision = PurchaseMatcher.Decide(incoming, purchase);
        if (decision.Outcome == PurchaseOutcome.Unmatched)
            return decision.Outcome;

        payment.OrderId = purchase!.Id;
        purchase.AmountReceived = decision.AmountReceived;
        if (decision.Outcome == PurchaseOutcome.Underpaid)
        {
            purchase.Status = PurchaseStatus.Underpaid;
            Outbox.Append(db, purchase.MerchantId, purchase.Livemode,
                new CreditsPurchaseUnderpaid(purchase.Id, purchase.Price, purchase.AmountReceived, purchase.AmountDue), now);
        }
        else if (decision.Outcome == PurchaseOutcome.Paid)
        {
            purchase.Status = PurchaseStatus.Paid;
            purchase.PaidAt = now;
            purchase.TransactionHash = payment.TransactionHash;
            await credits.GrantPurchaseAsync(purchase, cancellationToken);
            var balance = await credits.BalanceAsync(purchase.MerchantId, purchase.Livemode, cancellationToken);
            Outbox.Append(db, purchase.MerchantId, purchase.Livemode, new CreditsPurchased(purchase.Id, purchase.Credits, purchase.Price,
                purchase.AmountReceived, purchase.Overpayment, purchase.TransactionHash, balance), now);
            await ConfirmationService.ConfirmAwaitingAsync(db, credits, purchase.MerchantId, purchase.Livemode, now, cancellationToken);
        }
        return decision.Outcome;
    }
}
