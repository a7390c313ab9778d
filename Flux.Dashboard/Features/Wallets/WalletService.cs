using Flux.Dashboard.Api;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Horizon;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;
using Polly;

namespace Flux.Dashboard.Features.Wallets;

/// <summary>
/// A merchant's wallets in one mode: what may be registered, which one is the default, and which addresses the payment
/// watcher looks out for. Every query is filtered on the scope's merchant and mode; a wallet outside the scope is
/// "not found", never shown.
/// </summary>
public sealed class WalletService(
    IDbContextFactory<FluxDbContext> dbFactory,
    HorizonClientFactory horizons,
    AppBaseUri app,
    WatchedWallets watched,
    ActiveWallets activeWallets,
    WalletChangeGate changes,
    TimeProvider clock,
    ILogger<WalletService> logger)
{
    public const int MaxLabelLength = 100;

    /// <summary>The scope's wallets: the default first, then by date added; removed ones (if asked for) last.</summary>
    public async Task<IReadOnlyList<Wallet>> ListAsync(MerchantScope scope, bool includeRemoved = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = InScope(db, scope).AsNoTracking();
        if (!includeRemoved)
            query = query.Where(w => w.RemovedAt == null);
        // Ordered here: SQLite cannot order by DateTimeOffset.
        return (await query.ToListAsync(cancellationToken))
            .OrderBy(w => w.RemovedAt is not null)
            .ThenByDescending(w => w.IsDefault)
            .ThenBy(w => w.CreatedAt)
            .ToList();
    }

    /// <summary>A page of the scope's active wallets, newest first; null when the page is anchored on an id that is not one of them.</summary>
    public async Task<ListPage<Wallet>?> ListAsync(MerchantScope scope, ListRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await InScope(db, scope).AsNoTracking().Where(w => w.RemovedAt == null).ReadPageAsync(request, cancellationToken);
    }

    /// <summary>One of the scope's active wallets; null for a removed one or one outside the scope.</summary>
    public async Task<Wallet?> GetAsync(MerchantScope scope, string walletId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await InScope(db, scope).AsNoTracking().SingleOrDefaultAsync(w => w.Id == walletId && w.RemovedAt == null, cancellationToken);
    }

    /// <summary>
    /// Registers a wallet after checking the address, the label, that it is not registered already and that the account
    /// exists on the mode's network; then watches it. A wallet removed earlier is restored. The first wallet, or one added
    /// with <paramref name="makeDefault"/>, becomes the default. Nothing is written on an error; the caller's
    /// <paramref name="alongside"/> rows are committed with the wallet.
    /// </summary>
    public async Task<ServiceResult<Wallet>> AddAsync(MerchantScope scope, string? address, string? label, bool makeDefault = false,
        RowsAlongside<Wallet>? alongside = null, CancellationToken cancellationToken = default)
    {
        address = address?.Trim() ?? "";
        label = NormalizeLabel(label);

        var errors = new List<FieldError>();
        var check = WalletAddressRules.Validate(address, testMode: !scope.Livemode);
        if (!check.IsValid)
            errors.Add(new(WalletFields.Address, check.Message!));
        if (LabelError(label) is { } labelError)
            errors.Add(new(WalletFields.Label, labelError));
        if (errors.Count > 0)
            return ServiceResult<Wallet>.Invalid(errors);

        if (await IsRegisteredAsync(scope, address, cancellationToken))
            return AlreadyRegistered();

        var network = DescribeNetwork(scope.Network);
        AccountLookup account;
        try
        {
            account = await horizons.ForNetwork(scope.Network, app.Get()).GetAccountAsync(address, cancellationToken);
        }
        catch (Exception ex) when (IsHorizonOutage(ex, cancellationToken))
        {
            logger.LogWarning(ex, "Could not look up wallet {Address} on {Network}", address, scope.Network);
            return Unreachable(network);
        }
        // A sandbox account opens with its first payment, so in test mode an address it has not seen yet is fine.
        if (account is AccountLookup.NotFound && scope.Livemode)
        {
            return ServiceResult<Wallet>.Invalid(WalletFields.Address,
                $"This account does not exist on {network} yet — it must be funded before it can receive payments.");
        }

        using (await changes.EnterAsync(cancellationToken))
            return await SaveAndWatchAsync(scope, address, label, network, makeDefault, alongside, cancellationToken);
    }

    /// <summary>Makes the wallet the scope's only default.</summary>
    public Task<ServiceResult<Wallet>> SetDefaultAsync(MerchantScope scope, string walletId, CancellationToken cancellationToken = default) =>
        UpdateAsync(scope, walletId, new WalletChange(MakeDefault: true), cancellationToken: cancellationToken);

    public Task<ServiceResult<Wallet>> RenameAsync(MerchantScope scope, string walletId, string? label, CancellationToken cancellationToken = default) =>
        UpdateAsync(scope, walletId, new WalletChange(Label: label ?? ""), cancellationToken: cancellationToken);

    /// <summary>
    /// Changes one of the scope's active wallets in one commit, with the caller's <paramref name="alongside"/> rows: a new
    /// label (empty clears it) and, when asked, the default.
    /// </summary>
    public async Task<ServiceResult<Wallet>> UpdateAsync(MerchantScope scope, string walletId, WalletChange change,
        RowsAlongside<Wallet>? alongside = null, CancellationToken cancellationToken = default)
    {
        var label = NormalizeLabel(change.Label);
        if (LabelError(label) is { } error)
            return ServiceResult<Wallet>.Invalid(WalletFields.Label, error);
        return await ChangeActiveAsync(scope, walletId, cancellationToken, (wallet, active) =>
        {
            if (change.Label is not null)
                wallet.Label = label;
            if (change.MakeDefault)
            {
                foreach (var other in active)
                    other.IsDefault = other == wallet;
            }
        }, alongside: alongside);
    }

    /// <summary>
    /// Removes a wallet from use. The row stays (orders refer to it); if it was the default, the earliest added remaining
    /// wallet becomes the default. The address is unwatched once no active wallet of any merchant on its network has it.
    /// </summary>
    public async Task<ServiceResult<Wallet>> RemoveAsync(MerchantScope scope, string walletId, CancellationToken cancellationToken = default)
    {
        var result = await ChangeActiveAsync(scope, walletId, cancellationToken, (wallet, active) =>
        {
            wallet.RemovedAt = clock.GetUtcNow();
            if (wallet.IsDefault)
            {
                wallet.IsDefault = false;
                var next = active.Where(w => w != wallet).OrderBy(w => w.CreatedAt).FirstOrDefault();
                if (next is not null)
                    next.IsDefault = true;
            }
        }, afterSave: async (db, wallet) =>
        {
            // A late payment must never be lost (docs/architecture.md, "The one path a payment takes"): an address that orders (or credit purchases) were paid into stays watched.
            var stillInUse = await db.Set<Wallet>()
                .AnyAsync(w => w.Network == wallet.Network && w.Address == wallet.Address && w.RemovedAt == null, cancellationToken)
                || await db.Set<Order>().AnyAsync(o => o.Network == wallet.Network && o.PayTo == wallet.Address, cancellationToken)
                || await db.Set<Credits.CreditPurchase>().AnyAsync(p => p.Network == wallet.Network && p.PayTo == wallet.Address, cancellationToken);
            if (!stillInUse)
                await watched.UnwatchAsync(wallet.Network, wallet.Address, cancellationToken);
        });
        if (result.Value is { } removed)
            logger.LogInformation("Wallet {WalletId} of merchant {MerchantId} removed", removed.Id, removed.MerchantId);
        return result;
    }

    /// <summary>The network's name as merchants know it.</summary>
    public static string DescribeNetwork(string network) => network switch
    {
        ChainNetworkNames.PiMainnet => "Pi mainnet",
        ChainNetworkNames.PiTestnet => "Pi testnet",
        ChainNetworkNames.Sandbox => "Sandbox",
        _ => network,
    };

    private async Task<ServiceResult<Wallet>> SaveAndWatchAsync(MerchantScope scope, string address, string? label, string network,
        bool makeDefault, RowsAlongside<Wallet>? alongside, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Checked again under the lock: another tab may have added it while Horizon was asked.
        var wallet = await InScope(db, scope).SingleOrDefaultAsync(w => w.Address == address, cancellationToken);
        if (wallet is { RemovedAt: null })
            return AlreadyRegistered();
        var formerDefaults = await InScope(db, scope).Where(w => w.RemovedAt == null && w.IsDefault).ToListAsync(cancellationToken);
        var noDefaultYet = formerDefaults.Count == 0;
        if (makeDefault)
            formerDefaults.ForEach(w => w.IsDefault = false);

        var removed = wallet is null ? null : new { wallet.Label, wallet.IsDefault, wallet.RemovedAt };
        if (wallet is null)
        {
            wallet = new Wallet
            {
                Id = PublicId.New("wal"),
                MerchantId = scope.MerchantId,
                Livemode = scope.Livemode,
                Network = scope.Network,
                Address = address,
                Label = label,
                IsDefault = noDefaultYet || makeDefault,
                CreatedAt = clock.GetUtcNow(),
            };
            db.Add(wallet);
        }
        else
        {
            wallet.RemovedAt = null;
            wallet.Label = label ?? wallet.Label;
            wallet.IsDefault = noDefaultYet || makeDefault;
        }
        var rows = alongside?.Invoke(wallet) ?? [];
        db.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        await activeWallets.InvalidateAsync();

        try
        {
            await watched.WatchAsync(wallet.Network, address, cancellationToken);
        }
        catch (Exception ex)
        {
            // A wallet Flux does not watch would take orders whose payments nobody sees: undo the save, and the answer kept with it.
            db.RemoveRange(rows);
            if (makeDefault)
                formerDefaults.ForEach(w => w.IsDefault = true);
            if (removed is null)
            {
                db.Remove(wallet);
            }
            else
            {
                wallet.Label = removed.Label;
                wallet.IsDefault = removed.IsDefault;
                wallet.RemovedAt = removed.RemovedAt;
            }
            await db.SaveChangesAsync(CancellationToken.None);
            await activeWallets.InvalidateAsync();
            if (!IsHorizonOutage(ex, cancellationToken))
                throw;
            logger.LogWarning(ex, "Could not start watching wallet {Address} on {Network}", address, wallet.Network);
            return Unreachable(network);
        }

        logger.LogInformation("Wallet {WalletId} of merchant {MerchantId} added on {Network}", wallet.Id, wallet.MerchantId, wallet.Network);
        return ServiceResult<Wallet>.Ok(wallet);
    }

    /// <summary>Changes one of the scope's active wallets, with all of them loaded (for the default), under the change lock.</summary>
    private async Task<ServiceResult<Wallet>> ChangeActiveAsync(MerchantScope scope, string walletId, CancellationToken cancellationToken,
        Action<Wallet, IReadOnlyList<Wallet>> change, Func<FluxDbContext, Wallet, Task>? afterSave = null, RowsAlongside<Wallet>? alongside = null)
    {
        using (await changes.EnterAsync(cancellationToken))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var active = await InScope(db, scope).Where(w => w.RemovedAt == null).ToListAsync(cancellationToken);
            var wallet = active.SingleOrDefault(w => w.Id == walletId);
            if (wallet is null)
                return ServiceResult<Wallet>.NotFound("", NoSuchWallet(walletId));
            change(wallet, active);
            db.AddRange(alongside?.Invoke(wallet) ?? []);
            await db.SaveChangesAsync(cancellationToken);
            await activeWallets.InvalidateAsync();
            if (afterSave is not null)
                await afterSave(db, wallet);
            return ServiceResult<Wallet>.Ok(wallet);
        }
    }

    private async Task<bool> IsRegisteredAsync(MerchantScope scope, string address, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await InScope(db, scope).AnyAsync(w => w.Address == address && w.RemovedAt == null, cancellationToken);
    }

    private static IQueryable<Wallet> InScope(FluxDbContext db, MerchantScope scope) =>
        db.Set<Wallet>().Where(w => w.MerchantId == scope.MerchantId && w.Livemode == scope.Livemode);

    private static string? NormalizeLabel(string? label) => string.IsNullOrWhiteSpace(label) ? null : label.Trim();

    private static string? LabelError(string? label) =>
        label?.Length > MaxLabelLength ? $"A label holds at most {MaxLabelLength} characters; this one has {label.Length}." : null;

    /// <summary>What the merchant is told when a wallet id names none of the scope's active wallets.</summary>
    public static string NoSuchWallet(string walletId) => $"No such wallet: '{walletId}'.";

    private static ServiceResult<Wallet> AlreadyRegistered() =>
        ServiceResult<Wallet>.Invalid(WalletFields.Address, "This wallet is already registered.");

    private static ServiceResult<Wallet> Unreachable(string network) =>
        ServiceResult<Wallet>.Unavailable($"Flux could not reach {network}'s Horizon server to check this wallet, so nothing was saved. Try again in a minute.");

    /// <summary>Horizon could not be asked: refused or dropped connections, timeouts, an open circuit, or an error answer.</summary>
    private static bool IsHorizonOutage(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or HorizonException or TimeoutException or ExecutionRejectedException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
