using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Credits;

/// <summary>
/// Reads and appends credit-ledger lines inside the caller's database transaction, keeping each merchant-and-mode
/// balance in step with the lines it adds. The balance never goes below 0 (the check constraint backs this up) and
/// an order is charged at most once (unique index on the order id). A spend that takes the balance below the merchant's
/// low-balance threshold appends <c>credits.low</c> in the same transaction, so each crossing is announced exactly once.
/// Balances and thresholds are read once per book: nothing else changes the balance while the caller's transaction runs
/// (SQLite has one writer; on PostgreSQL the book takes the merchant's credit lock first, <see cref="DatabaseLocks"/>).
/// </summary>
public sealed class CreditBook(FluxDbContext db, TimeProvider clock)
{
    public const int SandboxStartingCredits = 100;

    /// <summary>What one "Refill sandbox credits" adds.</summary>
    public const int SandboxRefillCredits = 100;

    private readonly Dictionary<(string MerchantId, bool Livemode), int> balances = new();
    private readonly Dictionary<(string MerchantId, bool Livemode), int> thresholds = new();

    public async Task<int> BalanceAsync(string merchantId, bool livemode, CancellationToken cancellationToken)
    {
        if (balances.TryGetValue((merchantId, livemode), out var known))
            return known;
        // Before the balance is read: another transaction changing it (another server) finishes first.
        await DatabaseLocks.LockAsync(db, $"flux:credits:{merchantId}:{livemode}", cancellationToken);
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
        var before = await BalanceAsync(merchantId, livemode, cancellationToken);
        if (before <= 0)
            return false;
        Append(merchantId, livemode, -1, CreditReason.Order, orderId, null);
        if (!thresholds.TryGetValue((merchantId, livemode), out var threshold))
            thresholds[(merchantId, livemode)] = threshold = await LowBalanceThresholdAsync(db, merchantId, livemode, cancellationToken);
        if (LowBalanceSetting.Crosses(before, before - 1, threshold))
            Outbox.Append(db, merchantId, livemode, new CreditsLow(before - 1, threshold), clock.GetUtcNow());
        return true;
    }

    /// <summary>Adds a paid purchase's credits; the unique purchase id on the line makes a second grant fail.</summary>
    public async Task GrantPurchaseAsync(CreditPurchase purchase, CancellationToken cancellationToken)
    {
        await BalanceAsync(purchase.MerchantId, purchase.Livemode, cancellationToken);
        Append(purchase.MerchantId, purchase.Livemode, purchase.Credits, CreditReason.Purchase, null, null, purchase.Id);
    }

    public static async Task<int> LowBalanceThresholdAsync(FluxDbContext db, string merchantId, bool livemode, CancellationToken cancellationToken) =>
        await db.Set<LowBalanceSetting>()
            .Where(s => s.MerchantId == merchantId && s.Livemode == livemode)
            .Select(s => (int?)s.Threshold)
            .FirstOrDefaultAsync(cancellationToken) ?? LowBalanceSetting.DefaultThreshold;

    public async Task AddAsync(string merchantId, bool livemode, int credits, CreditReason reason, string? note, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(credits);
        await BalanceAsync(merchantId, livemode, cancellationToken);
        Append(merchantId, livemode, credits, reason, null, note);
    }

    private void Append(string merchantId, bool livemode, int delta, CreditReason reason, string? orderId, string? note, string? purchaseId = null)
    {
        // The one place credits are written: free sandbox credits can never land in a live balance, whoever asks.
        if (livemode && reason is CreditReason.SandboxStart or CreditReason.SandboxRefill)
            throw new InvalidOperationException($"{reason} credits exist in test mode only; merchant {merchantId} asked for them in live mode.");
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
            PurchaseId = purchaseId,
            Note = note,
            CreatedAt = clock.GetUtcNow(),
        });
    }
}
