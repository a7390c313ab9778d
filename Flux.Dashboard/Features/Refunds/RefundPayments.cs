using Flux.Dashboard.Chain.Horizon;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Refunds;

public enum RefundOutcome
{
    /// <summary>Its memo names no open refund paid from this wallet to its customer: a payment of the merchant's own.</summary>
    NotARefund,
    Succeeded,
    PartiallyRefunded,
}

/// <summary>
/// The watcher's side of refunds: a payment out of a merchant's watched wallet whose text memo names an open refund,
/// paid from that refund's wallet to its customer, settles it. Runs in the confirmation transaction of the payment's
/// batch; spends no credit.
/// </summary>
public static class RefundPayments
{
    public static async Task<RefundOutcome> ApplyAsync(FluxDbContext db, ObservedPayment observed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = observed.Record;
        if (record.MemoType != "text" || record.Memo is not { } memo || !memo.StartsWith("rf_", StringComparison.Ordinal))
            return RefundOutcome.NotARefund;
        var refund = await db.Set<Refund>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == memo, cancellationToken);
        var sent = record.Amount ?? 0;
        if (refund is null || refund.Network != observed.Network || refund.PayFrom != observed.Wallet
            || refund.PayTo != NativePaymentRules.CreditedWallet(record)
            || RefundRules.AfterPayment(refund.Status, refund.Amount, sent) is not { } status)
            return RefundOutcome.NotARefund;

        // One conditional update: a cancel at the same moment, or the same payment seen again, finds the refund no longer pending.
        var settled = await db.Set<Refund>().Where(r => r.Id == refund.Id && r.Status == RefundStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, status)
                .SetProperty(r => r.AmountRefunded, sent)
                .SetProperty(r => r.TransactionHash, record.TransactionHash)
                .SetProperty(r => r.OperationId, record.Id)
                .SetProperty(r => r.RefundedAt, record.CreatedAt), cancellationToken);
        if (settled == 0)
            return RefundOutcome.NotARefund;

        refund.Status = status;
        refund.AmountRefunded = sent;
        refund.TransactionHash = record.TransactionHash;
        refund.OperationId = record.Id;
        refund.RefundedAt = record.CreatedAt;
        if (status == RefundStatus.Succeeded)
        {
            Outbox.Append(db, refund.MerchantId, refund.Livemode, RefundState.Of<RefundSucceeded>(refund), now);
            return RefundOutcome.Succeeded;
        }
        Outbox.Append(db, refund.MerchantId, refund.Livemode, RefundState.Of<RefundPartiallyRefunded>(refund), now);
        return RefundOutcome.PartiallyRefunded;
    }
}
