using Flux.Dashboard.Chain;
using Flux.Dashboard.Common;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Wallets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Features.Credits;

/// <summary>
/// Buying credits: a purchase is an order to Flux's treasury wallet of the scope's network, with its own memo. The
/// watcher and ConfirmationService settle it like any order payment (see <see cref="PurchaseConfirmation"/>).
/// </summary>
public sealed class PurchaseService(
    IDbContextFactory<FluxDbContext> dbFactory, IOptions<CreditsOptions> options, IOptions<ChainOptions> chain,
    WatchedWallets watched, SandboxLedger sandbox, TimeProvider clock)
{
    public IReadOnlyList<PackOffer> Offers => PackOffer.For(options.Value.PacksOnSale);

    public string? TreasuryFor(MerchantScope scope) => options.Value.TreasuryFor(scope.Network);

    /// <summary>Why buying is unavailable in the scope's network, or null when it is available.</summary>
    public string? Unavailable(MerchantScope scope) => TreasuryFor(scope) is null
        ? $"Buying credits is not available on {WalletService.DescribeNetwork(scope.Network)} yet: Flux has no treasury wallet configured there. A Flux administrator can grant credits meanwhile."
        : null;

    public async Task<ServiceResult<CreditPurchase>> CreateAsync(MerchantScope scope, int credits, CancellationToken cancellationToken = default)
    {
        if (Unavailable(scope) is { } unavailable)
            return ServiceResult<CreditPurchase>.Unavailable(unavailable);
        if (options.Value.PacksOnSale.FirstOrDefault(p => p.Credits == credits) is not { } pack)
            return ServiceResult<CreditPurchase>.Invalid("credits", $"There is no pack of {credits:N0} credits.");

        var treasury = TreasuryFor(scope)!;
        // The treasury joins the watched wallets before the merchant can pay into it.
        await watched.WatchAsync(scope.Network, treasury, cancellationToken);
        var purchase = new CreditPurchase
        {
            Id = PublicId.New(CreditPurchase.IdPrefix),
            MerchantId = scope.MerchantId,
            Livemode = scope.Livemode,
            Network = scope.Network,
            PayTo = treasury,
            Credits = pack.Credits,
            Price = pack.Price,
            Status = PurchaseStatus.Pending,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Add(purchase);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<CreditPurchase>.Ok(purchase);
    }

    public async Task<CreditPurchase?> GetAsync(MerchantScope scope, string id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<CreditPurchase>().AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == id && p.MerchantId == scope.MerchantId && p.Livemode == scope.Livemode, cancellationToken);
    }

    public async Task<IReadOnlyList<CreditPurchase>> RecentAsync(MerchantScope scope, int count, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<CreditPurchase>().AsNoTracking()
            .Where(p => p.MerchantId == scope.MerchantId && p.Livemode == scope.Livemode)
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(p => p.CreatedAt).Take(count).ToList();
    }

    public string PaymentUriFor(CreditPurchase purchase) =>
        Checkout.PaymentUri.For(purchase.PayTo, purchase.AmountDue, purchase.Memo, chain.Value.GetNetwork(purchase.Network).Passphrase);

    public string? ExplorerUrlFor(CreditPurchase purchase) =>
        purchase.TransactionHash is { } hash ? chain.Value.GetNetwork(purchase.Network).ExplorerUrlFor(hash) : null;

    /// <summary>
    /// "Simulate payment" on a test purchase: the sandbox test wallet pays the treasury with the purchase memo, so the
    /// real path (sandbox Horizon → watcher → confirmation) grants the pack.
    /// </summary>
    public async Task<ServiceResult<SimulatedPaymentSent>> SimulatePaymentAsync(MerchantScope scope, string id, SimulatedPaymentKind kind, CancellationToken cancellationToken = default)
    {
        if (scope.Livemode)
            return ServiceResult<SimulatedPaymentSent>.Invalid("", "Payments can only be simulated in test mode.");
        if (await GetAsync(scope, id, cancellationToken) is not { } purchase)
            return ServiceResult<SimulatedPaymentSent>.NotFound("", "No such purchase in test mode.");
        if (purchase.Network != ChainNetworkNames.Sandbox)
            return ServiceResult<SimulatedPaymentSent>.Invalid("", "Only sandbox purchases can be paid by simulation.");

        var amount = OrderPaymentSimulator.AmountFor(purchase.AmountDue, purchase.Price, kind);
        var paid = await sandbox.PayFromTestWalletAsync(purchase.PayTo, amount, purchase.Memo, cancellationToken: cancellationToken);
        return paid.Succeeded
            ? ServiceResult<SimulatedPaymentSent>.Ok(new($"Sent {PiFormat.Amount(amount)} Pi from the sandbox test wallet. The purchase updates as soon as Flux sees it on the ledger.", amount, paid.Transaction?.Hash))
            : ServiceResult<SimulatedPaymentSent>.Invalid("", $"The sandbox refused the payment: {paid.Error}");
    }
}
