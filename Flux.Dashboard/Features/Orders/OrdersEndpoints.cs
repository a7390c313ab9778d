using Flux.Dashboard.Api;
using Flux.Dashboard.Api.Docs;
using Flux.Dashboard.Api.Idempotency;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Features.Buttons;
using Flux.Dashboard.Features.PaymentLinks;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Features.Wallets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Features.Orders;

/// <summary>The orders API over <see cref="OrderService"/>, including the product docs' literal paths.</summary>
public static class OrdersEndpoints
{
    public static FluxApi MapOrdersApi(this FluxApi api)
    {
        api.V1.MapPost("/orders", CreateAsync)
            .DocumentCreate("CreateOrder", "Create an order",
                "Creates an order waiting for the customer's payment to the merchant's wallet. Pay `amount` Pi to `pay_to` with `memo` as the memo; Flux confirms the order when the payment is seen on chain (one credit). With a `currency` other than `PI` (an ISO 4217 code), `amount` is a price in that currency: Flux locks it into Pi at the current rate (the merchant's fixed rate, else the operator's provider rate while younger than `Flux:Rates:MaxAge`), rounded up to 7 decimals, and the order keeps `price` and `rate` beside its Pi `amount`. Without a rate, or on a stale one, the order is refused (400 naming `currency`). `expires_in` (seconds, 60 to 604800) sets how long the order waits for payment; 30 minutes without it. With `customer_email` the customer is mailed a link to the order's receipt once it is confirmed.",
                new("seed", "The product docs' order", SeedExamples.ConfirmOrderRequest))
            .WithRequestExample("price", "A price in US dollars, locked into Pi", RateExamples.FiatOrderRequest);
        // The product docs' "Confirm an Order" path, and the route of its `flux.payments.create` example.
        api.Seed.MapPost("/order/confirm", CreateAsync)
            .DocumentCreate("ConfirmOrder", "Confirm an order",
                "The product docs' path for creating an order: the same as `POST /v1/orders`.",
                new("seed", "Confirm an Order (product docs)", SeedExamples.ConfirmOrderRequest));
        api.V1.MapPost("/payments", CreateAsync)
            .DocumentCreate("CreatePayment", "Create a payment",
                "What the SDK's `flux.payments.create` calls: the same as `POST /v1/orders`. Without `merchant_wallet` the merchant's default wallet is paid.",
                new("seed", "flux.payments.create (product docs)", SeedExamples.PaymentsCreateRequest));

        api.V1.MapGet("/orders", ListAsync)
            .WithName("ListOrders").WithSummary("List orders").WithTags(Tag)
            .WithDescription("The key's orders in its mode, newest first; `status`, `button_id`, `payment_link` and `created[gte]`/`created[lte]` narrow the list.")
            .WithListParameters().WithQueryParameters(OrderListFilter.Parameters).ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithResponseExample(StatusCodes.Status200OK, SeedExamples.OrderList);
        api.V1.MapGet("/orders/{orderId}", GetAsync)
            .WithName("GetOrder").WithSummary("Retrieve an order").WithTags(Tag)
            .ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, SeedExamples.Order);
        api.V1.MapPost("/orders/{orderId}/cancel", CancelAsync)
            .WithName("CancelOrder").WithSummary("Cancel an order").WithTags(Tag)
            .WithDescription("Cancels an order that is still waiting for payment (`pending_confirmation` or `underpaid`); any other order cannot be canceled (400).")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, SeedExamples.Order);
        return api.MapPublicOrdersApi();
    }

    private const string Tag = "Orders";

    private static RouteHandlerBuilder DocumentCreate(this RouteHandlerBuilder route, string name, string summary, string description, ApiExample example) =>
        route.WithName(name).WithSummary(summary).WithDescription(description).WithTags(Tag)
            .WithRequestBody<CreateOrderBody>()
            .WithRequestExample(example.Name, example.Summary, example.Json)
            .ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithResponseExample(StatusCodes.Status201Created, SeedExamples.Order);

    private static async Task<Results<Created<OrderResource>, ApiError>> CreateAsync(
        ApiCaller caller, HttpContext http, OrderService orders, WalletService wallets, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadAsync<CreateOrderBody>(http, cancellationToken);
        if (body.Error is { } invalid)
            return invalid;
        var answer = new CreatedAnswer<Order, OrderResource>(http, order => $"/v1/orders/{order.Id}", order => OrderResource.Of(order, http));
        var (order, error) = await CreateForAsync(caller.Scope, body.Value!, orders, wallets, answer.KeepWith, cancellationToken);
        if (order is null)
            return error!;
        return answer.For(order);
    }

    /// <summary>
    /// An order from an API body, for the key's merchant and mode: the one path of <c>POST /v1/orders</c>, its aliases and
    /// <c>POST /v1/public/orders</c>, so the currency, wallet and sandbox test wallet rules are the same everywhere. The
    /// order commits with the <paramref name="alongside"/> rows (the answer kept under the request's idempotency key).
    /// </summary>
    public static async Task<(Order? Order, ApiError? Error)> CreateForAsync(MerchantScope scope, CreateOrderBody request,
        OrderService orders, WalletService wallets, RowsAlongside<Order> alongside, CancellationToken cancellationToken)
    {
        var (address, walletError) = await MerchantWalletAsync(scope, request.MerchantWallet, wallets, cancellationToken);
        if (walletError is not null)
            return (null, walletError);

        var result = await orders.CreateAsync(scope, new CreateOrderRequest(request.Amount, request.Description, WalletAddress: address)
        {
            Currency = request.Currency,
            ExpiresIn = request.ExpiresIn,
            CustomerEmail = request.CustomerEmail,
        }, alongside, cancellationToken);
        return result.Succeeded ? (result.Value, null) : (null, result.ToApiError());
    }

    /// <summary>
    /// An API body's <c>merchant_wallet</c>, trimmed (null when absent): a valid address for the key's mode, and in test
    /// mode the product docs' sandbox test wallet registered on first use. Orders and order buttons name their wallet this way.
    /// </summary>
    public static async Task<(string? Address, ApiError? Error)> MerchantWalletAsync(
        MerchantScope scope, string? merchantWallet, WalletService wallets, CancellationToken cancellationToken)
    {
        var address = string.IsNullOrEmpty(merchantWallet) ? null : merchantWallet.Trim();
        if (address is null)
            return (null, null);
        var check = WalletAddressRules.Validate(address, testMode: !scope.Livemode);
        if (!check.IsValid)
            return (null, ApiError.InvalidRequest(check.Message!, "merchant_wallet"));
        if (address == SandboxTestWallet.Address && await RegisterSandboxTestWalletAsync(scope, wallets, cancellationToken) is { } failed)
            return (null, failed);
        return (address, null);
    }

    private static async Task<Results<Ok<ListPage<OrderResource>>, ApiError>> ListAsync(
        ApiCaller caller, HttpContext http, OrderService orders, ButtonService buttons, PaymentLinkService links, CancellationToken cancellationToken)
    {
        if (!OrderListFilter.TryParse(http.Request.Query, out var filter, out var invalid))
            return invalid!;
        if (filter.ButtonId is { } buttonId && await buttons.GetAsync(caller.Scope, buttonId, cancellationToken) is null)
            return ApiListResponse.NoSuch("button", buttonId, OrderListFilter.ButtonIdParameter.Name);
        if (filter.PaymentLinkId is { } linkId && !(await links.GetAsync(caller.Scope, linkId, cancellationToken)).Succeeded)
            return ApiListResponse.NoSuch("payment link", linkId, OrderListFilter.PaymentLinkParameter.Name);
        return await ApiListResponse.PageAsync(http, "order", request => orders.ListAsync(caller.Scope, filter, request, cancellationToken), o => OrderResource.Of(o, http));
    }

    private static async Task<Results<Ok<OrderResource>, ApiError>> GetAsync(
        string orderId, ApiCaller caller, HttpContext http, OrderService orders, CancellationToken cancellationToken) =>
        await orders.GetAsync(caller.Scope, orderId, cancellationToken) is { } order
            ? TypedResults.Ok(OrderResource.Of(order, http))
            : NoSuchOrder(orderId);

    private static async Task<Results<Ok<OrderResource>, ApiError>> CancelAsync(
        string orderId, ApiCaller caller, HttpContext http, OrderService orders, CancellationToken cancellationToken)
    {
        var answer = new ChangedAnswer<Order, OrderResource>(http, canceled => OrderResource.Of(canceled, http));
        return answer.For(await orders.CancelAsync(caller.Scope, orderId, answer.KeepWith, cancellationToken));
    }

    public static ApiError NoSuchOrder(string orderId, string? param = null) =>
        ApiError.NotFound(OrderRules.NoSuchOrder(orderId), param);

    /// <summary>
    /// The product docs' sandbox test wallet works verbatim in test mode (docs/architecture.md, "The sandbox"): a merchant naming it without having
    /// registered it gets it registered, as if added on the Wallets page.
    /// </summary>
    private static async Task<ApiError?> RegisterSandboxTestWalletAsync(MerchantScope scope, WalletService wallets, CancellationToken cancellationToken)
    {
        if ((await wallets.ListAsync(scope, cancellationToken: cancellationToken)).Any(w => w.Address == SandboxTestWallet.Address))
            return null;
        var added = await wallets.AddAsync(scope, SandboxTestWallet.Address, "Sandbox test wallet", cancellationToken: cancellationToken);
        // "Already registered" means a parallel request added it first, which is just as good.
        if (added.Succeeded || added.ErrorFor(WalletFields.Address) is not null)
            return null;
        return added.ToApiError();
    }
}
