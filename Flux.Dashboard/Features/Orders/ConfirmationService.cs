using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Payments;
using Flux.Dashboard.Features.Receipts;
using Flux.Dashboard.Features.Refunds;
using Flux.Dashboard.Features.Wallets;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Orders;

/// <summary>
/// The watcher's payment sink for orders. In ONE database transaction it records each payment of a batch (unique per
/// network and operation id, so a payment seen twice is handled once), updates the order its memo names, spends
/// exactly one credit on confirmation and appends the events to the outbox. A payment out of a watched wallet is
/// not recorded: it may only settle the refund its memo names (<see cref="RefundPayments"/>). One transaction — one disk sync — serves
/// the whole batch; when it fails, each payment is handled again alone, so only a payment that fails by itself is
/// left for the watcher to retry.
/// </summary>
public sealed class ConfirmationService(
    IDbContextFactory<FluxDbContext> dbFactory, WriteGate writeGate, TimeProvider clock, ILogger<ConfirmationService> logger)
    : IPaymentSink
{
    public async Task HandleAsync(IReadOnlyList<ObservedPayment> payments, CancellationToken cancellationToken)
    {
        try
        {
            await HandleInOneTransactionAsync(payments, cancellationToken);
        }
        catch (Exception ex) when (payments.Count > 1 && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "A batch of {Count} payments failed; handling them one by one", payments.Count);
            foreach (var payment in payments)
                await HandleInOneTransactionAsync([payment], cancellationToken);
        }
    }

    private async Task HandleInOneTransactionAsync(IReadOnlyList<ObservedPayment> payments, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var outcomes = new List<(ObservedPayment Payment, Enum Outcome)>(payments.Count);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            // Microsoft.Data.Sqlite begins IMMEDIATE transactions: writers outside the gate queue here instead of racing.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Before the recorded payments are read: another process's watcher handing over the same payments commits
            // first, and this batch then finds them recorded instead of colliding with them on the unique index.
            foreach (var network in payments.Select(p => p.Network).Distinct().Order(StringComparer.Ordinal))
                await DatabaseLocks.LockAsync(db, $"flux:payments:{network}", cancellationToken);
            var handled = await AlreadyHandledAsync(db, payments, cancellationToken);
            await LoadNamedOrdersAsync(db, payments, cancellationToken);
            var credits = new CreditBook(db, clock);
            var now = clock.GetUtcNow();
            foreach (var observed in payments)
            {
                if (observed.Direction == PaymentDirection.Outgoing)
                    outcomes.Add((observed, await RefundPayments.ApplyAsync(db, observed, now, cancellationToken)));
                else if (handled.Add((observed.Network, observed.Record.Id)))
                    outcomes.Add((observed, await ApplyPaymentAsync(db, credits, observed, now, cancellationToken)));
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var (observed, outcome) in outcomes)
            logger.LogInformation("Payment {OperationId} on {Network}: {Outcome} ({Memo})", observed.Record.Id, observed.Network, outcome, observed.Record.Memo);
    }

    private static async Task<Enum> ApplyPaymentAsync(FluxDbContext db, CreditBook credits, ObservedPayment observed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = observed.Record;
        var payment = ChainPayment.Of(observed, now);
        db.Add(payment);
        var incoming = new IncomingPayment(observed.Network, observed.Wallet, record.Amount ?? 0, record.MemoType, record.Memo, record.CreatedAt);
        // A memo names either a credit purchase (cp_…) or an order, never both: one payment settles at most one of them.
        Enum outcome = CreditPurchase.IsPurchaseMemo(record.Memo)
            ? await PurchaseConfirmation.ApplyAsync(db, credits, payment, incoming, now, cancellationToken)
            : await ApplyToOrderAsync(db, credits, payment, incoming, now, cancellationToken);
        if (outcome is MatchOutcome.Unmatched or PurchaseOutcome.Unmatched)
            await ReportUnmatchedAsync(db, payment, now, cancellationToken);
        return outcome;
    }

    /// <summary>The batch's payments already recorded (by an earlier hand-over, or the other of stream and catch-up).</summary>
    private static async Task<HashSet<(string Network, string OperationId)>> AlreadyHandledAsync(
        FluxDbContext db, IReadOnlyList<ObservedPayment> payments, CancellationToken cancellationToken)
    {
        var handled = new HashSet<(string, string)>();
        foreach (var network in payments.Select(p => p.Network).Distinct())
        {
            var ids = payments.Where(p => p.Network == network && p.Direction == PaymentDirection.Incoming).Select(p => p.Record.Id).ToList();
            var recorded = await db.Set<ChainPayment>().Where(p => p.Network == network && ids.Contains(p.OperationId))
                .Select(p => p.OperationId).ToListAsync(cancellationToken);
            handled.UnionWith(recorded.Select(id => (network, id)));
        }
        return handled;
    }

    /// <summary>Tracks the orders the batch's memos name in one query, so each payment finds its order without another.</summary>
    private static Task LoadNamedOrdersAsync(FluxDbContext db, IReadOnlyList<ObservedPayment> payments, CancellationToken cancellationToken)
    {
        var memos = payments.Where(p => p.Direction == PaymentDirection.Incoming).Select(p => p.Record.Memo).OfType<string>().Where(m => !CreditPurchase.IsPurchaseMemo(m)).Distinct().ToList();
        return db.Set<Order>().Where(o => memos.Contains(o.Id)).LoadAsync(cancellationToken);
    }

    private static async Task<MatchOutcome> ApplyToOrderAsync(FluxDbContext db, CreditBook credits, ChainPayment payment, IncomingPayment incoming,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var order = incoming.Memo is { } memo ? await db.Set<Order>().FindAsync([memo], cancellationToken) : null;
        var hasCredit = order is not null && await credits.BalanceAsync(order.MerchantId, order.Livemode, cancellationToken) > 0;
        var decision = PaymentMatcher.Decide(incoming, order, hasCredit);
        if (decision.Outcome != MatchOutcome.Unmatched)
            await ApplyAsync(db, credits, order!, payment, decision, now, cancellationToken);
        return decision.Outcome;
    }

    /// <summary>
    /// The merchant's triage: an unmatched payment into one of their wallets is attached to one of their orders (paid
    /// into that wallet) and counts exactly as if it had carried the order's memo. Null when either is not theirs.
    /// </summary>
    public async Task<MatchOutcome?> AttachAsync(MerchantScope scope, long paymentId, string orderId, CancellationToken cancellationToken = default)
    {
        MatchDecision decision;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var payment = await db.Set<ChainPayment>().SingleOrDefaultAsync(p => p.Id == paymentId && p.OrderId == null && p.Network == scope.Network, cancellationToken);
            var order = await db.Set<Order>().SingleOrDefaultAsync(o => o.Id == orderId && o.MerchantId == scope.MerchantId && o.Livemode == scope.Livemode, cancellationToken);
            var ownsWallet = payment is not null && await db.Set<Wallet>().AnyAsync(w =>
                w.MerchantId == scope.MerchantId && w.Livemode == scope.Livemode && w.Address == payment.Wallet, cancellationToken);
            if (payment is null || order is null || !ownsWallet)
                return null;

            var credits = new CreditBook(db, clock);
            var hasCredit = await credits.BalanceAsync(order.MerchantId, order.Livemode, cancellationToken) > 0;
            var asIfMemo = new IncomingPayment(payment.Network, payment.Wallet, payment.Amount, "text", order.Id, payment.CreatedAt);
            decision = PaymentMatcher.Decide(asIfMemo, order, hasCredit);
            if (decision.Outcome == MatchOutcome.Unmatched)
                return MatchOutcome.Unmatched;
            var now = clock.GetUtcNow();
            await ApplyAsync(db, credits, order, payment, decision, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return decision.Outcome;
    }

    /// <summary>
    /// "Accept payment" on an order paid after it expired: confirms it as if paid in time, spending one credit
    /// (<c>order.confirmed</c> with <c>late: true</c>), or, without a credit, leaves it awaiting credit. The order leaves
    /// <c>paid_after_expiry</c> by one conditional update, so of two accepts at once one confirms and the other is refused.
    /// </summary>
    public async Task<ServiceResult<Order>> AcceptLateAsync(MerchantScope scope, string orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var orders = db.Set<Order>().Where(o => o.Id == orderId && o.MerchantId == scope.MerchantId && o.Livemode == scope.Livemode);
        var claimed = await orders.Where(o => o.Status == OrderStatus.PaidAfterExpiry)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.AwaitingCredit), cancellationToken);
        var order = await orders.SingleOrDefaultAsync(cancellationToken);
        if (order is null)
            return ServiceResult<Order>.NotFound("", OrderRules.NoSuchOrder(orderId));
        if (claimed == 0)
            return ServiceResult<Order>.Invalid("status", $"Only an order paid after it expired can be accepted late; this one is {order.Status.ApiName()}.");

        var credits = new CreditBook(db, clock);
        var now = clock.GetUtcNow();
        if (await credits.TrySpendAsync(order.MerchantId, order.Livemode, order.Id, cancellationToken))
            await ConfirmAsync(db, credits, order, now, cancellationToken, late: true);
        else
            Outbox.Append(db, order.MerchantId, order.Livemode, OrderPaymentState.Of<OrderAwaitingCredit>(order), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult<Order>.Ok(order);
    }

    /// <summary>
    /// Confirms a merchant's paid orders that waited for credit, oldest first, while credits last. Runs inside the
    /// caller's transaction and first writes what the caller changed so far, so an order that began waiting earlier in
    /// the same transaction (an earlier payment of the batch) is found too.
    /// </summary>
    public static async Task ConfirmAwaitingAsync(FluxDbContext db, CreditBook credits, string merchantId, bool livemode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        var waiting = await db.Set<Order>()
            .Where(o => o.MerchantId == merchantId && o.Livemode == livemode && o.Status == OrderStatus.AwaitingCredit)
            .OrderBy(o => o.PaidAt).ThenBy(o => o.CreatedAt)
            .ToListAsync(cancellationToken);
        foreach (var order in waiting)
        {
            if (!await credits.TrySpendAsync(merchantId, livemode, order.Id, cancellationToken))
                return;
            await ConfirmAsync(db, credits, order, now, cancellationToken);
        }
    }

    private static async Task ApplyAsync(FluxDbContext db, CreditBook credits, Order order, ChainPayment payment, MatchDecision decision,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        payment.OrderId = order.Id;
        order.AmountReceived = decision.AmountReceived;
        switch (decision.Outcome)
        {
            case MatchOutcome.Confirmed or MatchOutcome.AwaitingCredit:
                MarkPaid(order, payment, now);
                if (decision.Outcome == MatchOutcome.Confirmed && await credits.TrySpendAsync(order.MerchantId, order.Livemode, order.Id, cancellationToken))
                {
                    await ConfirmAsync(db, credits, order, now, cancellationToken);
                    break;
                }
                order.Status = OrderStatus.AwaitingCredit;
                Outbox.Append(db, order.MerchantId, order.Livemode, OrderPaymentState.Of<OrderAwaitingCredit>(order), now);
                break;
            case MatchOutcome.Underpaid:
                order.Status = OrderStatus.Underpaid;
                Outbox.Append(db, order.MerchantId, order.Livemode,
                    new OrderUnderpaid(order.Id, order.Amount, order.AmountReceived, order.Amount - order.AmountReceived), now);
                break;
            case MatchOutcome.PaidAfterExpiry:
                MarkPaid(order, payment, now);
                order.Status = OrderStatus.PaidAfterExpiry;
                Outbox.Append(db, order.MerchantId, order.Livemode, OrderPaymentState.Of<OrderPaidAfterExpiry>(order), now);
                break;
            case MatchOutcome.AddedToClosedOrder:
                // The order keeps its status; the extra Pi shows as received (and overpaid), and the merchant learns that
                // the customer may be owed a refund.
                payment.AfterOrderClosed = true;
                Outbox.Append(db, order.MerchantId, order.Livemode, new OrderPaymentAfterClose(order.Id, order.Status.ApiName(), order.Amount,
                    order.AmountReceived, new LatePayment(payment.TransactionHash, payment.From, payment.Amount, payment.CreatedAt)), now);
                break;
        }
    }

    private static void MarkPaid(Order order, ChainPayment payment, DateTimeOffset now)
    {
        order.PaidAt ??= now;
        order.TransactionHash = payment.TransactionHash;
    }

    private static async Task ConfirmAsync(FluxDbContext db, CreditBook credits, Order order, DateTimeOffset now, CancellationToken cancellationToken,
        bool late = false)
    {
        order.Status = OrderStatus.Confirmed;
        order.ConfirmedAt = now;
        db.Add(Receipt.For(order, now));
        var remaining = await credits.BalanceAsync(order.MerchantId, order.Livemode, cancellationToken);
        Outbox.Append(db, order.MerchantId, order.Livemode,
            OrderPaymentState.Of<OrderConfirmed>(order) with { CreditsRemaining = remaining, Late = late, CustomerEmail = order.CustomerEmail }, now);
        Outbox.Append(db, order.MerchantId, order.Livemode, new CreditUsed(order.Id, remaining), now);
    }

    /// <summary>Tells every merchant who registered the wallet (in the payment's network) about the unmatched payment.</summary>
    private static async Task ReportUnmatchedAsync(FluxDbContext db, ChainPayment payment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owners = await db.Set<Wallet>()
            .Where(w => w.Network == payment.Network && w.Address == payment.Wallet && w.RemovedAt == null)
            .Select(w => new { w.MerchantId, w.Livemode })
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var owner in owners)
        {
            Outbox.Append(db, owner.MerchantId, owner.Livemode,
                new PaymentUnmatched(payment.OperationId, payment.TransactionHash, payment.Wallet, payment.From, payment.Amount, payment.Memo), now);
        }
    }
}
