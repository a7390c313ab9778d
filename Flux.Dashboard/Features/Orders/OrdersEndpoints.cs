using Flux.Dashboard.Api;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Features.Wallets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Features.Orders;

/// <summary>The orders API over <see cref="OrderService"/>, including the seed docs' literal paths.</summary>
public static class OrdersEndpoints
{
    public static FluxApi MapOrdersApi(this FluxApi api)
    {
        api.V1.MapPost("/orders", CreateAsync);
        // The seed docs' "Confirm an Order" path, and the route of its `flux.payments.create` example.
        api.Seed.MapPost("/order/confirm", CreateAsync);
        api.V1.MapPost("/payments", CreateAsync);

        api.V1.MapGet("/orders", ListAsync);
        api.V1.MapGet("/orders/{orderId}", GetAsync);
        api.V1.MapPost("/orders/{orderId}/cancel", CancelAsync);
        return api;
    }

    private static async Task<Results<Created<OrderResource>, ApiError>> CreateAsync(
        ApiCaller caller, HttpContext http, OrderService orders, WalletService wallets, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadAsync<CreateOrderBody>(http, cancellationToken);
        if (body.Error is { } invalid)
            return invalid;
        var request = body.Value!;

        if (request.Currency is { } currency && !string.Equals(currency, OrderResource.PiCurrency, StringComparison.OrdinalIgnoreCase))
            return ApiError.InvalidRequest($"Flux takes payments in Pi only: currency must be \"{OrderResource.PiCurrency}\".", "currency");

        var address = string.IsNullOrEmpty(request.MerchantWallet) ? null : request.MerchantWallet.Trim();
        if (address is not null)
        {
            var check = WalletAddressRules.Validate(address, testMode: !caller.Scope.Livemode);
            if (!check.IsValid)
                return ApiError.InvalidRequest(check.Message!, "merchant_wallet");
            if (address == SandboxTestWallet.Address && await RegisterSandboxTestWalletAsync(caller.Scope, wallets, cancellationToken) is { } failed)
                return failed;
        }

        var result = await orders.CreateAsync(caller.Scope, new CreateOrderRequest(request.Amount, request.Description, WalletAddress: address), cancellationToken);
        if (result.Order is not { } order)
            return Invalid(result.Errors);
        return TypedResults.Created($"/v1/orders/{order.Id}", OrderResource.Of(order, http));
    }

    private static async Task<Results<Ok<ListPage<OrderResource>>, ApiError>> ListAsync(
        ApiCaller caller, HttpContext http, OrderService orders, CancellationToken cancellationToken)
    {
        if (!ListRequest.TryParse(http.Request.Query, out var request, out var invalid))
            return invalid!;
        var page = await orders.ListAsync(caller.Scope, request, cancellationToken);
        if (page is null)
            return ApiError.InvalidRequest($"No such order: '{request.Cursor}'.", request.CursorParam);
        return TypedResults.Ok(page.Select(o => OrderResource.Of(o, http)));
    }

    private static async Task<Results<Ok<OrderResource>, ApiError>> GetAsync(
        string orderId, ApiCaller caller, HttpContext http, OrderService orders, CancellationToken cancellationToken) =>
        await orders.GetAsync(caller.Scope, orderId, cancellationToken) is { } order
            ? TypedResults.Ok(OrderResource.Of(order, http))
            : NoSuchOrder(orderId);

    private static async Task<Results<Ok<OrderResource>, ApiError>> CancelAsync(
        string orderId, ApiCaller caller, HttpContext http, OrderService orders, CancellationToken cancellationToken)
    {
        var result = await orders.CancelAsync(caller.Scope, orderId, cancellationToken);
        if (result is null)
            return NoSuchOrder(orderId);
        if (result.Order is not { } canceled)
            return ApiError.InvalidRequest(result.Errors[0].Message);
        return TypedResults.Ok(OrderResource.Of(canceled, http));
    }

    public static ApiError NoSuchOrder(string orderId, string? param = null) =>
        ApiError.NotFound($"No such order: '{orderId}'.", param);

    /// <summary>
    /// The seed docs' sandbox test wallet works verbatim in test mode (DESIGN.md §4): a merchant naming it without having
    /// registered it gets it registered, as if added on the Wallets page.
    /// </summary>
    private static async Task<ApiError?> RegisterSandboxTestWalletAsync(MerchantScope scope, WalletService wallets, CancellationToken cancellationToken)
    {
        if ((await wallets.ListAsync(scope, cancellationToken: cancellationToken)).Any(w => w.Address == SandboxTestWallet.Address))
            return null;
        var added = await wallets.AddAsync(scope, SandboxTestWallet.Address, "Sandbox test wallet", cancellationToken);
        // "Already registered" means a parallel request added it first, which is just as good.
        if (added.Succeeded || added.ErrorFor(WalletFields.Address) is not null)
            return null;
        return ApiError.Internal(added.Error);
    }

    /// <summary>The service's first field error, under the name the API's body uses for that field.</summary>
    private static ApiError Invalid(IReadOnlyList<FieldError> errors)
    {
        var error = errors[0];
        return ApiError.InvalidRequest(error.Message, error.Field == "wallet" ? "merchant_wallet" : error.Field);
    }
}
