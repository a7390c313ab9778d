using Flux.Dashboard.Api;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Features.Wallets;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Buttons;

/// <summary>
/// What a merchant asks for: a fixed <see cref="Amount"/>, or <see cref="AmountMin"/> and <see cref="AmountMax"/> for an
/// amount the customer enters; the wallet as for orders (an id, an address of theirs, or their default wallet).
/// </summary>
public sealed record CreateButtonRequest(
    string? Label, decimal? Amount, decimal? AmountMin = null, decimal? AmountMax = null, string? WalletId = null,
    string? WalletAddress = null, ButtonStyle? Style = null, string? SuccessUrl = null)
{
    /// <summary><c>PI</c> (or null), or an ISO 4217 code: the amounts are then prices in it, locked into Pi per order.</summary>
    public string? Currency { get; init; }

    /// <summary>What the customer buys, when the label does not say it; empty or null: the label.</summary>
    public string? ProductName { get; init; }

    /// <summary>How long each order from the button waits for payment, in seconds; null for the merchant's default.</summary>
    public int? ExpiresIn { get; init; }

    /// <summary>A button as it is, to change some of it and save it again (<see cref="ButtonService.UpdateAsync"/>).</summary>
    public static CreateButtonRequest Of(OrderButton button) =>
        new(button.Label, button.Amount, button.AmountMin, button.AmountMax, WalletAddress: button.PayTo, Style: button.Style,
            SuccessUrl: button.SuccessUrl)
        {
            Currency = button.Currency,
            ProductName = button.ProductName,
            ExpiresIn = button.ExpiresIn,
        };
}

/// <summary>
/// A change to a button: <see cref="Change"/> turns the button as it is (<see cref="CreateButtonRequest.Of"/>) into what it
/// should be, checked as a new button is; <see cref="Archived"/> archives or restores it. Either may be left out.
/// </summary>
public sealed record ButtonUpdate(Func<CreateButtonRequest, CreateButtonRequest>? Change = null, bool? Archived = null);

/// <summary>What a button brought in: orders customers started from it, those confirmed, and the Pi received.</summary>
public sealed record ButtonFigures(int OrdersCreated, int OrdersConfirmed, decimal PiReceived)
{
    public static readonly ButtonFigures None = new(0, 0, 0);
}

/// <summary>Creates, reads, changes, archives and switches order buttons for one merchant scope, and starts orders from them for customers.</summary>
public sealed class ButtonService(IDbContextFactory<FluxDbContext> dbFactory, ActiveWallets activeWallets, OrderService orders, TimeProvider clock)
{
    public async Task<ServiceResult<OrderButton>> CreateAsync(MerchantScope scope, CreateButtonRequest request,
        RowsAlongside<OrderButton>? alongside = null, CancellationToken cancellationToken = default)
    {
        var (fields, errors) = await CheckAsync(scope, request, cancellationToken);
        if (fields is null)
            return ServiceResult<OrderButton>.Invalid(errors);

        var button = new OrderButton
        {
            Id = PublicId.New("btn"),
            MerchantId = scope.MerchantId,
            Livemode = scope.Livemode,
            WalletId = fields.Wallet.Id,
            PayTo = fields.Wallet.Address,
            Label = fields.Label,
            Color = fields.Style.Color,
            Size = fields.Style.Size,
            Shape = fields.Style.Shape,
            Theme = fields.Style.Theme,
            Enabled = true,
            CreatedAt = clock.GetUtcNow(),
        };
        fields.ApplyTo(button);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Add(button);
        db.AddRange(alongside?.Invoke(button) ?? []);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<OrderButton>.Ok(button);
    }

    /// <summary>
    /// Changes a button of the scope (its snippet keeps working: it names the button's id), archives or restores it;
    /// committing the caller's <paramref name="alongside"/> rows with it. An archived button takes no new orders.
    /// </summary>
    public async Task<ServiceResult<OrderButton>> UpdateAsync(MerchantScope scope, string buttonId, ButtonUpdate update,
        RowsAlongside<OrderButton>? alongside = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var button = await db.Set<OrderButton>()
            .SingleOrDefaultAsync(b => b.Id == buttonId && b.MerchantId == scope.MerchantId && b.Livemode == scope.Livemode, cancellationToken);
        if (button is null)
            return ServiceResult<OrderButton>.NotFound("", $"No such button: '{buttonId}'.");
        if (update.Change is { } change)
        {
            var (fields, errors) = await CheckAsync(scope, change(CreateButtonRequest.Of(button)), cancellationToken);
            if (fields is null)
                return ServiceResult<OrderButton>.Invalid(errors);
            fields.ApplyTo(button);
        }
        if (update.Archived is { } archived && archived != button.Archived)
            button.ArchivedAt = archived ? clock.GetUtcNow() : null;
        db.AddRange(alongside?.Invoke(button) ?? []);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<OrderButton>.Ok(button);
    }

    /// <summary>A button's fields as a request gives them, checked and tidied: what a new or changed button is saved with.</summary>
    private sealed record ButtonFields(
        Wallet Wallet, string Label, string? ProductName, string Currency, decimal? Amount, decimal? AmountMin, decimal? AmountMax,
        ButtonStyle Style, string? SuccessUrl, int? ExpiresIn)
    {
        public void ApplyTo(OrderButton button)
        {
            button.WalletId = Wallet.Id;
            button.PayTo = Wallet.Address;
            button.Label = Label;
            button.ProductName = ProductName;
            button.Currency = Currency;
            button.Amount = Amount;
            button.AmountMin = Amount is null ? AmountMin : null;
            button.AmountMax = Amount is null ? AmountMax : null;
            button.Color = Style.Color;
            button.Size = Style.Size;
            button.Shape = Style.Shape;
            button.Theme = Style.Theme;
            button.SuccessUrl = SuccessUrl;
            button.ExpiresIn = ExpiresIn;
        }
    }

    private async Task<(ButtonFields? Fields, IReadOnlyList<FieldError> Errors)> CheckAsync(
        MerchantScope scope, CreateButtonRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var label = string.IsNullOrWhiteSpace(request.Label) ? ButtonRules.DefaultLabel : request.Label.Trim();
        if (label.Length > ButtonRules.MaxLabelLength)
            errors.Add(new("label", $"The label holds at most {ButtonRules.MaxLabelLength} characters."));
        var productName = string.IsNullOrWhiteSpace(request.ProductName) ? null : request.ProductName.Trim();
        if (productName is { Length: > ButtonRules.MaxProductNameLength })
            errors.Add(new("product_name", $"The product name holds at most {ButtonRules.MaxProductNameLength} characters."));
        var currency = CurrencyOf(request.Currency);
        if (currency is null)
            errors.Add(new("currency", $"The currency must be \"{OrderResource.PiCurrency}\" or a three-letter ISO 4217 code such as USD."));
        errors.AddRange(AmountErrors(request, currency ?? OrderResource.PiCurrency));
        var style = request.Style ?? ButtonStyle.Default;
        errors.AddRange(StyleErrors(style));
        if (SuccessUrlError(request.SuccessUrl) is { } urlError)
            errors.Add(new("success_url", urlError));
        if (OrderRules.LifetimeError(request.ExpiresIn) is { } lifetimeError)
            errors.Add(new("expires_in", lifetimeError));

        var (wallet, walletError) = OrderService.ChooseWallet(await activeWallets.OfAsync(scope, cancellationToken), request.WalletId, request.WalletAddress);
        if (walletError is not null)
            errors.Add(walletError);
        if (errors.Count > 0)
            return (null, errors);
        return (new ButtonFields(wallet!, label, productName, currency!, request.Amount, request.AmountMin, request.AmountMax,
            style with { Color = style.Color.ToLowerInvariant() },
            string.IsNullOrWhiteSpace(request.SuccessUrl) ? null : request.SuccessUrl.Trim(), request.ExpiresIn), []);
    }

    public async Task<OrderButton?> GetAsync(MerchantScope scope, string buttonId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<OrderButton>().AsNoTracking()
            .SingleOrDefaultAsync(b => b.Id == buttonId && b.MerchantId == scope.MerchantId && b.Livemode == scope.Livemode, cancellationToken);
    }

    /// <summary>Any merchant's button by its id, for the public endpoints; show it only as <see cref="PublicButtonResource"/>.</summary>
    public async Task<OrderButton?> FindPublicAsync(string buttonId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<OrderButton>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == buttonId, cancellationToken);
    }

    /// <summary>A page of the scope's buttons in use, newest first; null when the page is anchored on an id that is not one of them.</summary>
    public Task<ListPage<OrderButton>?> ListAsync(MerchantScope scope, ListRequest request, CancellationToken cancellationToken = default) =>
        ListAsync(scope, ButtonListFilter.InUse, request, cancellationToken);

    /// <summary>A page of the scope's buttons the filter lets through (in use, or archived), newest first.</summary>
    public async Task<ListPage<OrderButton>?> ListAsync(MerchantScope scope, ButtonListFilter filter, ListRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await filter.Apply(db.Set<OrderButton>().AsNoTracking().Where(b => b.MerchantId == scope.MerchantId && b.Livemode == scope.Livemode))
            .ReadPageAsync(request, cancellationToken);
    }

    /// <summary>Turns a button on or off; a disabled button shows "unavailable" and starts no orders. Null when the scope has no such button.</summary>
    public async Task<OrderButton?> SetEnabledAsync(MerchantScope scope, string buttonId, bool enabled, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var button = await db.Set<OrderButton>()
            .SingleOrDefaultAsync(b => b.Id == buttonId && b.MerchantId == scope.MerchantId && b.Livemode == scope.Livemode, cancellationToken);
        if (button is null)
            return null;
        button.Enabled = enabled;
        await db.SaveChangesAsync(cancellationToken);
        return button;
    }

    /// <summary>Each of the scope's buttons' figures (buttons without orders are left out).</summary>
    public async Task<IReadOnlyDictionary<string, ButtonFigures>> FiguresAsync(MerchantScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // SQLite cannot sum decimals in SQL: the few columns needed are summed here.
        var rows = await db.Set<Order>().AsNoTracking()
            .Where(o => o.MerchantId == scope.MerchantId && o.Livemode == scope.Livemode && o.ButtonId != null)
            .Select(o => new { o.ButtonId, o.Status, o.AmountReceived })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ButtonId!).ToDictionary(g => g.Key, g => new ButtonFigures(
            g.Count(), g.Count(r => r.Status == OrderStatus.Confirmed), g.Sum(r => r.AmountReceived)));
    }

    /// <summary>
    /// A customer's order from a button. The amount is the button's, never the page's: a fixed button takes no amount,
    /// a customer-entered one takes an amount within its bounds. A button that is unknown, disabled or cannot take payments
    /// is not found.
    /// </summary>
    public async Task<ServiceResult<Order>> CreateOrderFromButtonAsync(string buttonId, decimal? amount,
        RowsAlongside<Order>? alongside = null, CancellationToken cancellationToken = default)
    {
        var button = await FindPublicAsync(buttonId, cancellationToken);
        if (button is not { TakesOrders: true })
            return Unavailable(buttonId, button);
        if (OrderAmountError(button, amount) is { } amountError)
            return ServiceResult<Order>.Invalid("amount", amountError);

        var scope = new MerchantScope(button.MerchantId, button.Livemode);
        var result = await orders.CreateAsync(scope, new CreateOrderRequest(button.Amount ?? amount, button.Product, WalletId: button.WalletId)
        {
            ButtonId = button.Id,
            Currency = button.Currency,
            ExpiresIn = button.ExpiresIn,
        }, alongside, cancellationToken);
        if (result.Succeeded)
            return result;
        // A price in another currency needs a rate now; otherwise only the button's wallet can fail (removed since), and
        // the button cannot take payments any more.
        return result.Errors.FirstOrDefault(e => e.Field is "currency" or "amount") is { } priceError
            ? ServiceResult<Order>.Invalid([priceError])
            : Unavailable(buttonId, button);
    }

    private static ServiceResult<Order> Unavailable(string buttonId, OrderButton? button) =>
        ServiceResult<Order>.NotFound("", button is { Archived: true }
            ? "This item is no longer sold here: the shop has archived its button."
            : $"The button '{buttonId}' is not available.");

    private static string? OrderAmountError(OrderButton button, decimal? amount)
    {
        if (!button.CustomerEntersAmount)
            return amount is null ? null : "This button has a fixed amount: an order from it cannot name one.";
        var unit = ButtonRules.UnitOf(button.Currency);
        if (amount is null)
            return $"Enter the amount in {unit}, from {button.AmountMin} to {button.AmountMax}.";
        if (AmountError(amount, button.Currency) is { } error)
            return error;
        return amount < button.AmountMin || amount > button.AmountMax
            ? $"The amount must be from {button.AmountMin} to {button.AmountMax} {unit}."
            : null;
    }

    /// <summary>The upper-cased currency of a request (<c>PI</c> when none), or null when it is no currency Flux takes.</summary>
    internal static string? CurrencyOf(string? currency) =>
        currency is null || string.Equals(currency.Trim(), OrderResource.PiCurrency, StringComparison.OrdinalIgnoreCase)
            ? OrderResource.PiCurrency
            : PriceRules.CurrencyCode(currency);

    /// <summary>The rules of an amount in Pi, or of a price in another currency.</summary>
    internal static string? AmountError(decimal? amount, string currency) =>
        currency == OrderResource.PiCurrency ? OrderRules.AmountError(amount) : PriceRules.PriceError(amount, currency);

    private static IEnumerable<FieldError> AmountErrors(CreateButtonRequest request, string currency)
    {
        if (request.Amount is not null)
        {
            if (request.AmountMin is not null || request.AmountMax is not null)
                yield return new("amount", "Give either a fixed amount or amount_min and amount_max, not both.");
            else if (AmountError(request.Amount, currency) is { } error)
                yield return new("amount", error);
            yield break;
        }
        if (request.AmountMin is null && request.AmountMax is null)
        {
            yield return new("amount", $"Enter the amount in {ButtonRules.UnitOf(currency)}, or amount_min and amount_max for an amount the customer enters.");
            yield break;
        }
        var minError = AmountError(request.AmountMin, currency);
        var maxError = AmountError(request.AmountMax, currency);
        if (minError is not null)
            yield return new("amount_min", minError);
        if (maxError is not null)
            yield return new("amount_max", maxError);
        if (minError is null && maxError is null && request.AmountMin >= request.AmountMax)
            yield return new("amount_max", "The maximum must be greater than the minimum.");
    }

    private static IEnumerable<FieldError> StyleErrors(ButtonStyle style)
    {
        if (!ButtonStyle.IsColor(style.Color))
            yield return new("style.color", "The colour is a hex colour like #6c2bd9.");
        if (!ButtonStyle.Sizes.Contains(style.Size))
            yield return new("style.size", "The size is s, m or l.");
        if (!ButtonStyle.Shapes.Contains(style.Shape))
            yield return new("style.shape", "The shape is rounded, pill or square.");
        if (!ButtonStyle.Themes.Contains(style.Theme))
            yield return new("style.theme", "The theme is light or dark.");
    }

    internal static string? SuccessUrlError(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;
        if (url.Length > ButtonRules.MaxSuccessUrlLength)
            return $"The success URL holds at most {ButtonRules.MaxSuccessUrlLength} characters.";
        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? null
            : "The success URL must be an http:// or https:// address.";
    }
}
