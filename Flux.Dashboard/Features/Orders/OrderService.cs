using Flux.Dashboard.Api;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Features.Settings;
using Flux.Dashboard.Features.Wallets;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Orders;

/// <summary>What a merchant asks for; the wallet is an id, an address of theirs, or (neither) their default wallet.</summary>
public sealed record CreateOrderRequest(decimal? Amount, string? Description, string? WalletId = null, string? WalletAddress = null)
{
    /// <summary>
    /// <c>PI</c> (or null): <see cref="Amount"/> is Pi. Any other ISO 4217 code: <see cref="Amount"/> is a price in that
    /// currency, locked into Pi at the current rate (<see cref="FiatPrices"/>).
    /// </summary>
    public string? Currency { get; init; }

    /// <summary>
    /// How long the order waits for payment, in seconds (60 s to 7 days); null for the merchant's default (Settings →
    /// Business), else <see cref="OrderRules.DefaultLifetime"/>.
    /// </summary>
    public int? ExpiresIn { get; init; }

    /// <summary>Set by <c>ButtonService</c> only: the button the customer clicked.</summary>
    public string? ButtonId { get; init; }

    /// <summary>Set by <c>PaymentLinkService</c> only: the payment link the customer opened.</summary>
    public string? PaymentLinkId { get; init; }

    /// <summary>Where to mail the customer's receipt once the order is confirmed; null for no mail.</summary>
    public string? CustomerEmail { get; init; }
}

/// <summary>Creates, reads and cancels orders for one merchant scope. The dashboard and the API both use it.</summary>
public sealed class OrderService(
    IDbContextFactory<FluxDbContext> dbFactory, ActiveWallets activeWallets, FiatPrices fiatPrices, DefaultOrderLifetimes defaultLifetimes, GroupCommit writes,
    TimeProvider clock)
{
    /// <summary>
    /// Validates the request, then commits the order, its <c>order.created</c> event and the caller's
    /// <paramref name="alongside"/> rows together with other orders created at the same moment (<see cref="GroupCommit"/>);
    /// returns once the order is committed.
    /// </summary>
    public async Task<ServiceResult<Order>> CreateAsync(MerchantScope scope, CreateOrderRequest request,
        RowsAlongside<Order>? alongside = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var amount = request.Amount;
        LockedPrice? price = null;
        if (IsPi(request.Currency))
        {
            if (OrderRules.AmountError(amount) is { } amountError)
                errors.Add(new("amount", amountError));
        }
        else
        {
            (price, var priceError) = await fiatPrices.LockAsync(scope.MerchantId, request.Currency, amount, cancellationToken);
            if (priceError is not null)
                errors.Add(priceError);
            amount = price?.Pi;
        }
        if (OrderRules.LifetimeError(request.ExpiresIn) is { } lifetimeError)
            errors.Add(new("expires_in", lifetimeError));
        if (OrderRules.CustomerEmailError(request.CustomerEmail) is { } emailError)
            errors.Add(new("customer_email", emailError));
        if (request.Description is { Length: > OrderRules.MaxDescriptionLength })
            errors.Add(new("description", $"The description holds at most {OrderRules.MaxDescriptionLength} characters."));

        var (wallet, walletError) = ChooseWallet(await activeWallets.OfAsync(scope, cancellationToken), request.WalletId, request.WalletAddress);
        if (walletError is not null)
            errors.Add(walletError);
        if (errors.Count > 0)
            return ServiceResult<Order>.Invalid(errors);

        var lifetime = request.ExpiresIn is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : await defaultLifetimes.OfAsync(scope.MerchantId, cancellationToken);
        var now = clock.GetUtcNow();
        var order = new Order
        {
            Id = PublicId.Sequential(OrderRules.IdPrefix),
            MerchantId = scope.MerchantId,
            Livemode = scope.Livemode,
            WalletId = wallet!.Id,
            Network = wallet.Network,
            PayTo = wallet.Address,
            Amount = amount!.Value,
            PriceAmount = price?.Price,
            PriceCurrency = price?.Currency,
            RateValue = price?.Rate.Value,
            RateSource = price?.Rate.Source,
            RateAsOf = price?.Rate.AsOf,
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            ButtonId = request.ButtonId,
            PaymentLinkId = request.PaymentLinkId,
            CustomerEmail = string.IsNullOrWhiteSpace(request.CustomerEmail) ? null : request.CustomerEmail.Trim(),
            Status = OrderStatus.PendingConfirmation,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        var created = Outbox.Event(scope.MerchantId, scope.Livemode, OrderCreated.Of(order), now);
        await writes.CommitAsync([order, created, .. alongside?.Invoke(order) ?? []]);
        return ServiceResult<Order>.Ok(order);
    }

    private static bool IsPi(string? currency) =>
        currency is null || string.Equals(currency.Trim(), OrderResource.PiCurrency, StringComparison.OrdinalIgnoreCase);

    public async Task<Order?> GetAsync(MerchantScope scope, string orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Order>().AsNoTracking()
            .SingleOrDefaultAsync(o => o.Id == orderId && o.MerchantId == scope.MerchantId && o.Livemode == scope.Livemode, cancellationToken);
    }

    /// <summary>
    /// Any merchant's order by its id, for the public status endpoints, where the unguessable id is the capability; show
    /// the result only as <see cref="PublicOrderResource"/>.
    /// </summary>
    public async Task<Order?> FindPublicAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Order>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
    }

    /// <summary>
    /// A page of the scope's orders the filter lets through, newest first (ties broken by id, so pages never overlap or
    /// skip); null when the page is anchored on an id that is not one of them.
    /// </summary>
    public async Task<ListPage<Order>?> ListAsync(MerchantScope scope, OrderListFilter filter, ListRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await filter.Apply(db.Set<Order>().AsNoTracking().Where(o => o.MerchantId == scope.MerchantId && o.Livemode == scope.Livemode))
            .ReadPageAsync(request, cancellationToken);
    }

    /// <summary>
    /// Cancels an order that is not paid yet (committing the caller's <paramref name="alongside"/> rows with it); an order
    /// in another state is refused as a whole (no field is at fault).
    /// </summary>
    public async Task<ServiceResult<Order>> CancelAsync(MerchantScope scope, string orderId,
        RowsAlongside<Order>? alongside = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var scoped = db.Set<Order>().Where(o => o.Id == orderId && o.MerchantId == scope.MerchantId && o.Livemode == scope.Livemode);
            var order = await scoped.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (order is null)
                return ServiceResult<Order>.NotFound("", OrderRules.NoSuchOrder(orderId));
            if (!OrderStatusDisplay.CanCancel(order.Status))
                return ServiceResult<Order>.Invalid("", $"An order that is {order.Status.ApiName()} cannot be canceled.");

            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Only over a status that is still unpaid: a payment recorded since the read wins, and the order is read again.
            if (await OrderRules.Unpaid(scoped).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Canceled)
                    .SetProperty(o => o.CanceledAt, now), cancellationToken) == 0)
                continue;
            order.Status = OrderStatus.Canceled;
            order.CanceledAt = now;
            Outbox.Append(db, scope.MerchantId, scope.Livemode, new OrderCanceled(order.Id), now);
            db.AddRange(alongside?.Invoke(order) ?? []);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return ServiceResult<Order>.Ok(order);
        }
    }

    /// <summary>
    /// Of the scope's active wallets, the one with the id, else with the address, else the default: the wallet rule of
    /// orders, which order buttons share. The error's field is <c>wallet</c> or <c>merchant_wallet</c>.
    /// </summary>
    internal static (Wallet?, FieldError?) ChooseWallet(IReadOnlyList<Wallet> active, string? walletId, string? walletAddress)
    {
        if (walletId is { Length: > 0 } id)
            return active.SingleOrDefault(w => w.Id == id) is { } byId
                ? (byId, null)
                : (null, new("wallet", "No such wallet in your account."));
        if (walletAddress is { Length: > 0 } address)
            return active.SingleOrDefault(w => w.Address == address.Trim()) is { } byAddress
                ? (byAddress, null)
                : (null, new("merchant_wallet", "This wallet is not one of your registered wallets in this mode."));
        return active.SingleOrDefault(w => w.IsDefault) is { } fallback
            ? (fallback, null)
            : (null, new("wallet", "Add a wallet first: orders are paid into one of your wallets."));
    }
}
