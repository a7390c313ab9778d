using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Credits;

/// <summary>
/// Reads and appends credit-ledger lines inside the caller's database transaction, keeping each merchant-and-mode
/// balance in step with the lines it adds. The balance never goes below 0 (the check constraint backs this up) and
/// an order is charged at most once (unique index on the order id).
/// </summary>
public sealed class CreditBook(FluxDbContext db, TimeProvider clock)
{
    public const int SandboxStartingCredits = 100;

    private readonly Dictionary<(string MerchantId, bool Livemode), int> balances = new();

    public async Task<int> BalanceAsync(string merchantId, bool livemode, CancellationToken cancellationToken)
    {
        if (balances.TryGetValue((merchantId, livemode), out var known))
            return known;
        var last = await db.Set<CreditEntry>()
            .Where(e => e.MerchantId == merchantId && e.Livemode == livemode)
            .OrderByDescending(e => e.Id)
            .Select(e => (int?)e.BalanceAfter)
            .FirstOrDefaultAsync(cancellationToken);
        balances[(merchantId, livemode)] = last ?? 0;
        // Test mode starts with sandbox credits, given the first time the test balance is needed.
        if (last is null && !livemode)
            Append(merchantId, livemode, SandboxStartingCredits, CreditReason.SandboxStart, null, "Sandbox credits to start with");
        return balances[(merchantId, livemode)];
    }

    /// <summary>Spends one credit for the order; false when the balance is 0.</summary>
    public async Task<bool> TrySpendAsync(string merchantId, bool livemode, string orderId, CancellationToken cancellationToken)
    {
        if (await BalanceAsync(merchantId, livemode, cancellationToken) <= 0)
            return false;
        Append(merchantId, livemode, -1, CreditReason.Order, orderId, null);
        return true;
    }

    public async Task AddAsync(string merchantId, bool livemode, int credits, CreditReason reason, string? note, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(credits);
        await BalanceAsync(merchantId, livemode, cancellationToken);
        Append(merchantId, livemode, credits, reason, null, note);
    }

    private void Append(string merchantId, bool livemode, int delta, CreditReason reason, string? orderId, string? note)
    {
        var balance = balances[(merchantId, livemode)] + delta;
        balances[(merchantId, livemode)] = balance;
        db.Add(new CreditEntry
        {
            MerchantId = merchantId,
            Livemode = livemode,
            Delta = delta,
            BalanceAfter = balance,
            Reason = reason,
            OrderId = orderId,
            Note = note,
            CreatedAt = clock.GetUtcNow(),
        });
    }
}
