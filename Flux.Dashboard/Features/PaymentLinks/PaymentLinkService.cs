using Flux.Dashboard.Api;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Buttons;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Wallets;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.PaymentLinks;

/// <summary>
/// What a merchant asks for: one product at <see cref="Amount"/> (Pi, or a price in <see cref="Currency"/>), paid into a
/// wallet chosen as for orders (an id, an address of theirs, or their default wallet).
/// </summary>
public sealed record CreatePaymentLinkRequest(string? ProductName, decimal? Amount, string? Currency = null)
{
    public bool QuantityAdjustable { get; init; }
    public string? SuccessUrl { get; init; }
    public int? ExpiresIn { get; init; }
    public string? WalletId { get; init; }
    public string? WalletAddress { get; init; }
}

/// <summary>Creates, reads and deactivates payment links for one merchant scope, and starts orders from them for customers.</summary>
public sealed class PaymentLinkService(
    IDbContextFactory<FluxDbContext> dbFactory, ActiveWallets activeWallets, OrderService orders, TimeProvider clock)
{
    public async Task<ServiceResult<PaymentLink>> CreateAsync(MerchantScope scope, CreatePaymentLinkRequest request,
        RowsAlongside<PaymentLink>? alongside = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var productName = request.ProductName?.Trim();
        if (string.IsNullOrEmpty(productName))
            errors.Add(new("product_name", "Name the product the link sells."));
        else if (productName.Length > PaymentLinkRules.MaxProductNameLength)
            errors.Add(new("product_name", $"The product name holds at most {PaymentLinkRules.MaxProductNameLength} characters."));
        var currency = ButtonService.CurrencyOf(request.Currency);
        if (currency is null)
            errors.Add(new("currency", $"The currency must be \"{OrderResource.PiCurrency}\" or a three-letter ISO 4217 code such as USD."));
        else if (ButtonService.AmountError(request.Amount, currency) is { } amountError)
            errors.Add(new("amount", amountError));
        if (ButtonService.SuccessUrlError(request.SuccessUrl) is { } urlError)
            errors.Add(new("success_url", urlError));
        if (OrderRules.LifetimeError(request.ExpiresIn) is { } lifetimeError)
            errors.Add(new("expires_in", lifetimeError));
        var (wallet, walletError) = OrderService.ChooseWallet(await activeWallets.OfAsync(scope, cancellationToken), request.WalletId, request.WalletAddress);
        if (walletError is not null)
            errors.Add(walletError);
        if (errors.Count > 0)
            return ServiceResult<PaymentLink>.Invalid(errors);

        var link = new PaymentLink
        {
            Id = PublicId.New(PaymentLinkRules.IdPrefix),
            MerchantId = scope.MerchantId,
            Livemode = scope.Livemode,
            WalletId = wallet!.Id,
            PayTo = wallet.Address,
            ProductName = productName!,
            Currency = currency!,
            Amount = request.Amount!.Value,
            QuantityAdjustable = request.QuantityAdjustable,
            SuccessUrl = string.IsNullOrWhiteSpace(request.SuccessUrl) ? null : request.SuccessUrl.Trim(),
            ExpiresIn = request.ExpiresIn,
            Active = true,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Add(link);
        db.AddRange(alongside?.Invoke(link) ?? []);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<PaymentLink>.Ok(link);
    }

    public async Task<ServiceResult<PaymentLink>> GetAsync(MerchantScope scope, string linkId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.Set<PaymentLink>().AsNoTracking()
            .SingleOrDefaultAsync(l => l.Id == linkId && l.MerchantId == scope.MerchantId && l.Livemode == scope.Livemode, cancellationToken);
        return link is null ? NoSuchLink(linkId) : ServiceResult<PaymentLink>.Ok(link);
    }

    /// <summary>A page of the scope's links, newest first; null when the page is anchored on an id that is not one of them.</summary>
    public async Task<ListPage<PaymentLink>?> ListAsync(MerchantScope scope, ListRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<PaymentLink>().AsNoTracking()
            .Where(l => l.MerchantId == scope.MerchantId && l.Livemode == scope.Livemode)
            .ReadPageAsync(request, cancellationToken);
    }

    /// <summary>Deactivates (or activates again) one of the scope's links; a deactivated link starts no orders.</summary>
    public async Task<ServiceResult<PaymentLink>> SetActiveAsync(MerchantScope scope, string linkId, bool active,
        RowsAlongside<PaymentLink>? alongside = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.Set<PaymentLink>()
            .SingleOrDefaultAsync(l => l.Id == linkId && l.MerchantId == scope.MerchantId && l.Livemode == scope.Livemode, cancellationToken);
        if (link is null)
            return NoSuchLink(linkId);
        link.Active = active;
        db.AddRange(alongside?.Invoke(link) ?? []);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<PaymentLink>.Ok(link);
    }

    /// <summary>Any merchant's link by its id, for its public page; show it only as that page does (nothing of the merchant but the shop).</summary>
    public async Task<PaymentLink?> FindPublicAsync(string linkId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<PaymentLink>().AsNoTracking().SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
    }

    /// <summary>
    /// Where the checkout of <paramref name="order"/> sends the customer once it is confirmed: its link's success URL for
    /// it, whether or not the link is still active (the customer has paid); null for an order from no link, or a link without one.
    /// </summary>
    public async Task<string?> SuccessUrlForAsync(Order order, CancellationToken cancellationToken = default)
    {
        if (order.PaymentLinkId is not { } linkId)
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var successUrl = await db.Set<PaymentLink>().AsNoTracking()
            .Where(l => l.Id == linkId && l.MerchantId == order.MerchantId && l.Livemode == order.Livemode)
            .Select(l => l.SuccessUrl)
            .SingleOrDefaultAsync(cancellationToken);
        return successUrl is null ? null : PaymentLinkRules.SuccessUrlFor(successUrl, order.Id);
    }

    /// <summary>
    /// A customer's order from an active link: the link's price times <paramref name="quantity"/> (1 unless the link lets
    /// the customer choose), into the link's wallet, waiting the link's lifetime (or order creation's default). Not found
    /// when the link is unknown, deactivated or cannot take payments any more (its wallet removed).
    /// </summary>
    public async Task<ServiceResult<Order>> CreateOrderAsync(string linkId, int quantity, string? customerEmail,
        CancellationToken cancellationToken = default)
    {
        var link = await FindPublicAsync(linkId, cancellationToken);
        if (link is not { Active: true })
            return Unavailable(linkId);
        if (quantity != 1 && !link.QuantityAdjustable)
            return ServiceResult<Order>.Invalid("quantity", "This link sells one item per order.");
        if (quantity is < 1 or > PaymentLinkRules.MaxQuantity)
            return ServiceResult<Order>.Invalid("quantity", $"Choose from 1 to {PaymentLinkRules.MaxQuantity} items.");

        var result = await orders.CreateAsync(new MerchantScope(link.MerchantId, link.Livemode),
            new CreateOrderRequest(link.Amount * quantity, PaymentLinkRules.DescriptionFor(link, quantity), WalletId: link.WalletId)
            {
                Currency = link.Currency,
                ExpiresIn = link.ExpiresIn,
                PaymentLinkId = link.Id,
                CustomerEmail = customerEmail,
            }, cancellationToken: cancellationToken);
        if (result.Succeeded)
            return result;
        // A price needs a rate now, and a quantity may take the total past an order's limit; otherwise only the link's
        // wallet can fail (removed since), and the link cannot take payments any more.
        return result.Errors.FirstOrDefault(e => e.Field is "currency" or "amount" or "customer_email") is { } error
            ? ServiceResult<Order>.Invalid([error])
            : Unavailable(linkId);
    }

    private static ServiceResult<PaymentLink> NoSuchLink(string linkId) =>
        ServiceResult<PaymentLink>.NotFound("", $"No such payment link: '{linkId}'.");

    private static ServiceResult<Order> Unavailable(string linkId) =>
        ServiceResult<Order>.NotFound("", $"The payment link '{linkId}' is no longer available.");
}
