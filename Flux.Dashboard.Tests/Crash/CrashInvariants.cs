using System.Globalization;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Tests.Crash;

/// <summary>
/// What must hold after any number of crashes, each broken one said in a sentence that names the order, key or payment:
/// every paid order confirmed exactly once, one credit per confirmed order, every sandbox payment recorded exactly once,
/// every event dispatched, and every idempotency key answered with its first result and acted on at most once.
/// </summary>
internal static class CrashInvariants
{
    private const int ListedIds = 10;

    public static List<string> Broken(CrashState state, IReadOnlyList<OrderFlow> flows) =>
    [
        .. PaidOrdersConfirmedOnce(state),
        .. OneCreditPerConfirmedOrder(state),
        .. SandboxPaymentsRecordedOnce(state),
        .. EventsDispatched(state),
        .. KeysActedOnOnce(state, flows),
    ];

    /// <summary>
    /// Whether the app's background work has caught up with the requests: every sandbox payment recorded, every paid
    /// order confirmed, every event dispatched. The rest was decided when the requests were answered.
    /// </summary>
    public static bool CaughtUp(CrashState state) =>
        !PaidOrdersConfirmedOnce(state).Any() && !SandboxPaymentsRecordedOnce(state).Any() && !EventsDispatched(state).Any();

    private static IEnumerable<string> PaidOrdersConfirmedOnce(CrashState state)
    {
        var paid = state.SandboxPayments.Select(p => p.Memo).ToHashSet();
        var confirmations = state.ConfirmedEventOrderIds.CountBy(id => id).ToDictionary();
        foreach (var order in state.Orders)
        {
            var isPaid = paid.Contains(order.Id);
            var isConfirmed = order.Status == OrderStatus.Confirmed;
            if (isPaid && !isConfirmed)
                yield return $"Order {order.Id} ({order.Description}) was paid in the sandbox but is {order.Status.ApiName()}.";
            if (isConfirmed && !isPaid)
                yield return $"Order {order.Id} ({order.Description}) is confirmed without a sandbox payment.";
            var events = confirmations.GetValueOrDefault(order.Id);
            if (events != (isConfirmed ? 1 : 0))
                yield return $"Order {order.Id} ({order.Description}) is {order.Status.ApiName()} with {events} order.confirmed events.";
        }
    }

    private static IEnumerable<string> OneCreditPerConfirmedOrder(CrashState state)
    {
        var confirmed = state.Orders.Where(o => o.Status == OrderStatus.Confirmed).Select(o => o.Id).ToHashSet();
        var spends = state.CreditLines.Where(l => l.Reason == CreditReason.Order).ToList();
        var spentFor = spends.CountBy(l => l.OrderId ?? "").ToDictionary();
        if (spends.Count != confirmed.Count)
            yield return $"Credits: {spends.Count} spent (-1 lines) for {confirmed.Count} confirmed orders.";
        if (Listed(confirmed.Where(id => !spentFor.ContainsKey(id))) is { } unpaidCredit)
            yield return $"Credits: confirmed orders without a -1 line: {unpaidCredit}.";
        if (Listed(spentFor.Where(s => s.Value > 1 || !confirmed.Contains(s.Key)).Select(s => $"{s.Key} ×{s.Value}")) is { } wrongSpends)
            yield return $"Credits: -1 lines twice for one order or for an order not confirmed: {wrongSpends}.";

        var added = state.CreditLines.Where(l => l.Delta > 0).Sum(l => l.Delta);
        var balance = state.CreditLines.LastOrDefault()?.BalanceAfter ?? 0;
        if (balance != added - spends.Count)
            yield return $"Credits: balance {balance}, but start and refills ({added}) − spent ({spends.Count}) = {added - spends.Count}.";
    }

    private static IEnumerable<string> SandboxPaymentsRecordedOnce(CrashState state)
    {
        var made = state.SandboxPayments.ToDictionary(p => p.PaymentId.ToString(CultureInfo.InvariantCulture));
        var recorded = state.RecordedPaymentIds.CountBy(id => id).ToDictionary();
        if (Listed(made.Values.Where(p => !recorded.ContainsKey(p.PaymentId.ToString(CultureInfo.InvariantCulture)))
                .Select(p => $"{p.PaymentId} (memo {p.Memo})")) is { } lost)
            yield return $"Payments: {made.Count} sandbox payments into the wallet, {state.RecordedPaymentIds.Count} ChainPayments rows; never recorded: {lost}.";
        if (Listed(recorded.Where(r => r.Value > 1).Select(r => $"{r.Key} ×{r.Value}")) is { } doubled)
            yield return $"Payments: recorded more than once: {doubled}.";
        if (Listed(recorded.Keys.Where(id => !made.ContainsKey(id))) is { } unknown)
            yield return $"Payments: ChainPayments rows without a sandbox payment into the wallet: {unknown}.";
    }

    private static IEnumerable<string> EventsDispatched(CrashState state)
    {
        if (Listed(state.Undispatched.Select(e => $"{e.Id} ({e.Type}, sequence {e.Sequence})")) is { } undispatched)
            yield return $"Events: {state.Undispatched.Count} outbox events never dispatched: {undispatched}.";
    }

    private static IEnumerable<string> KeysActedOnOnce(CrashState state, IReadOnlyList<OrderFlow> flows)
    {
        var ordersByKey = state.Orders.ToLookup(o => o.Description);
        var paymentsByOrder = state.SandboxPayments.ToLookup(p => p.Memo);
        foreach (var flow in flows)
        {
            foreach (var post in flow.Posts)
            {
                if (post.CheckCreated() is { } wrongAnswer)
                    yield return wrongAnswer;
            }

            var made = ordersByKey[flow.Order.Key].Select(o => o.Id).ToList();
            if (made.Count > 1)
                yield return $"{flow.Order}: made {made.Count} orders ({string.Join(", ", made)}); one key, one order.";
            if (flow.Order.Fault is not null && made.Count > 0)
                yield return $"{flow.Order}: has no result, yet the database holds order {string.Join(", ", made)} for the key: made before the kill, its answer never kept.";
            if (flow.OrderId is { } answered && !made.SequenceEqual([answered]))
                yield return $"{flow.Order}: answered with order {answered}, but the database holds [{string.Join(", ", made)}] for the key.";

            if (flow.Payment is not { } payment)
                continue;
            var paid = paymentsByOrder[flow.OrderId].Select(p => p.PaymentId).ToList();
            if (paid.Count > 1)
                yield return $"{payment}: paid {paid.Count} times in the sandbox (payments {string.Join(", ", paid)}); one key, one payment.";
            if (payment.Fault is not null && paid.Count > 0)
                yield return $"{payment}: has no result, yet the sandbox paid {flow.OrderId} (payment {string.Join(", ", paid)}): made before the kill, its answer never kept.";
            if (payment.Answer is { Status: 201 } && paid.Count == 0)
                yield return $"{payment}: answered 201, but the sandbox holds no payment for {flow.OrderId}.";
        }
    }

    private static string? Listed(IEnumerable<string> ids)
    {
        var all = ids.ToList();
        return all.Count == 0 ? null
            : all.Count <= ListedIds ? string.Join(", ", all)
            : $"{string.Join(", ", all.Take(ListedIds))} and {all.Count - ListedIds} more";
    }
}
