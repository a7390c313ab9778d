using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Tests.Crash;

/// <summary>A sandbox payment into the merchant's wallet, with the memo of its transaction (the order id it pays).</summary>
internal sealed record SandboxPaid(long PaymentId, string? Memo);

/// <summary>
/// What the crash check reads back from flux.db (read-only): the merchant's test orders, the order ids of its
/// <c>order.confirmed</c> events, the events still waiting for the dispatcher, its test credit ledger, and the payments
/// into its wallet as the sandbox ledger made them and as the watcher recorded them (ChainPayments).
/// </summary>
internal sealed record CrashState(
    IReadOnlyList<Order> Orders,
    IReadOnlyList<string> ConfirmedEventOrderIds,
    IReadOnlyList<OutboxEvent> Undispatched,
    IReadOnlyList<CreditEntry> CreditLines,
    IReadOnlyList<SandboxPaid> SandboxPayments,
    IReadOnlyList<string> RecordedPaymentIds)
{
    public static async Task<CrashState> ReadAsync(string dataFolder, string merchantId, string wallet)
    {
        await using var db = FluxDatabaseFile.Open(dataFolder, readOnly: true);
        var orders = await db.Set<Order>().AsNoTracking()
            .Where(o => o.MerchantId == merchantId && !o.Livemode).OrderBy(o => o.Id).ToListAsync();
        var confirmedEvents = await db.Set<OutboxEvent>().AsNoTracking()
            .Where(e => e.MerchantId == merchantId && e.Type == OrderConfirmed.Type).ToListAsync();
        var undispatched = await db.Set<OutboxEvent>().AsNoTracking()
            .Where(e => e.DispatchedAt == null).OrderBy(e => e.Sequence).ToListAsync();
        var creditLines = await db.Set<CreditEntry>().AsNoTracking()
            .Where(e => e.MerchantId == merchantId && !e.Livemode).OrderBy(e => e.Id).ToListAsync();
        var sandboxPayments = await (
            from payment in db.Set<SandboxPayment>()
            join transaction in db.Set<SandboxTransaction>() on payment.TransactionHash equals transaction.Hash
            where payment.To == wallet
            orderby payment.Id
            select new SandboxPaid(payment.Id, transaction.Memo)).ToListAsync();
        var recorded = await db.Set<ChainPayment>()
            .Where(p => p.Network == ChainNetworkNames.Sandbox && p.Wallet == wallet).Select(p => p.OperationId).ToListAsync();
        return new CrashState(orders, [.. confirmedEvents.Select(e => EventNotification.Of(e).OrderId ?? $"(event {e.Id} names no order)")], undispatched, creditLines, sandboxPayments, recorded);
    }
}
