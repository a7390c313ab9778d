using Flux.Dashboard.Api;
using Flux.Dashboard.Api.Docs;
using Flux.Dashboard.Api.Idempotency;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Wallets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Features.Buttons;

/// <summary>
/// The buttons API over <see cref="ButtonService"/>: merchants create and read buttons with a secret key; the embed
/// script reads a button and starts orders from it through <c>/v1/public</c>, with no key.
/// </summary>
public static class ButtonsEndpoints
{
    private const string Tag = "Buttons";

    public static FluxApi MapButtonsApi(this FluxApi api)
    {
        api.V1.MapPost("/buttons", CreateAsync)
            .WithName("CreateButton").WithSummary("Create an order button").WithTags(Tag)
            .WithDescription("Creates a button for the merchant's shop: a fixed `amount`, or `amount_min` and `amount_max` for an amount the customer enters. Answers with the `snippet` to paste into the shop's page. With a `currency` other than `PI` (an ISO 4217 code) the amounts are prices in it, and each order from the button locks its price into Pi at the rate of the moment, as `POST /v1/orders` does. `product_name` is what the customer buys (the order's description and the checkout's heading; the label when left out); `expires_in` (seconds, 60 to 604800) how long each order from it waits for payment (the merchant's default when left out).")
            .WithRequestBody<CreateButtonBody>()
            .WithRequestExample("fixed", "A fixed amount", ButtonExamples.CreateFixed)
            .WithRequestExample("range", "An amount the customer enters", ButtonExamples.CreateRange)
            .ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithResponseExample(StatusCodes.Status201Created, ButtonExamples.Button);
        api.V1.MapGet("/buttons", ListAsync)
            .WithName("ListButtons").WithSummary("List order buttons").WithTags(Tag)
            .WithDescription("The key's buttons in its mode, newest first: those not archived, or with `archived=true` the archived ones.")
            .WithListParameters().WithQueryParameters(ButtonListFilter.Parameters).ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithResponseExample(StatusCodes.Status200OK, ButtonExamples.ButtonList);
        api.V1.MapGet("/buttons/{buttonId}", GetAsync)
            .WithName("GetButton").WithSummary("Retrieve an order button").WithTags(Tag)
            .ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, ButtonExamples.Button);
        api.V1.MapPost("/buttons/{buttonId}", UpdateAsync)
            .WithName("UpdateButton").WithSummary("Update an order button").WithTags(Tag)
            .WithDescription("Changes the fields given and leaves the others, as a button is created; the snippet keeps working, since it names the button's id. `amount` makes the amount fixed, `amount_min` and `amount_max` the customer's. `\"\"` clears `product_name` and `success_url`; `\"expires_in\": null` gives orders the merchant's default lifetime again. `\"archived\": true` archives the button: it takes no new orders (its orders stay as they are), shops show it as no longer available, and it leaves the default list; `false` restores it.")
            .WithRequestBody<UpdateButtonBody>()
            .WithRequestExample("relabel", "A new label and product name", ButtonExamples.Update)
            .WithRequestExample("archive", "Archive the button", ButtonExamples.Archive)
            .WithRequestExample("restore", "Restore an archived button", ButtonExamples.Restore)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, ButtonExamples.Button);

        api.Public.MapGet("/buttons/{buttonId}", GetPublicAsync)
            .RequireAuthorization(ApiAuth.PublicPolicy)
            .WithName("GetPublicButton").WithSummary("Retrieve a button to render it").WithTags("Public")
            .WithDescription("No key needed: what the embed script needs to render a button — label, amount or bounds, style, and whether it is enabled. Nothing of the merchant.")
            .ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, ButtonExamples.PublicButton);
        api.Public.MapPost("/buttons/{buttonId}/orders", CreateOrderAsync)
            .RequireAuthorization(ApiAuth.PublicPolicy)
            .WithName("CreateButtonOrder").WithSummary("Start an order from a button").WithTags("Public")
            .WithDescription("No key needed: creates an order for the button's amount, paid into the button's wallet, and answers with the public order fields and the `checkout_url` to open. Send `amount` only for a button whose customer enters the amount (within its bounds); a fixed button refuses one. A disabled, archived or unknown button is 404, with a message the embed script shows the customer.")
            .WithRequestBody<ButtonOrderBody>()
            .WithRequestExample("range", "An amount the customer entered", ButtonExamples.OrderRequest)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status201Created, ButtonExamples.Order);
        return api;
    }

    private static async Task<Results<Created<ButtonResource>, ApiError>> CreateAsync(
        ApiCaller caller, HttpContext http, ButtonService buttons, WalletService wallets, CancellationToken cancellationToken)
    {
        var read = await ApiJson.ReadAsync<CreateButtonBody>(http, cancellationToken);
        if (read.Error is { } invalid)
            return invalid;
        var body = read.Value!;
        var (address, walletError) = await OrdersEndpoints.MerchantWalletAsync(caller.Scope, body.MerchantWallet, wallets, cancellationToken);
        if (walletError is not null)
            return walletError;

        var answer = new CreatedAnswer<OrderButton, ButtonResource>(http, button => $"/v1/buttons/{button.Id}", button => ButtonResource.Of(button, http));
        var result = await buttons.CreateAsync(caller.Scope, new CreateButtonRequest(
            body.Label, body.Amount, body.AmountMin, body.AmountMax, WalletAddress: address,
            Style: (body.Style ?? new ButtonStyleBody()).ToStyle(), SuccessUrl: body.SuccessUrl)
        {
            Currency = body.Currency,
            ProductName = body.ProductName,
            ExpiresIn = body.ExpiresIn,
        }, answer.KeepWith, cancellationToken);
        return result.Succeeded ? answer.For(result.Value!) : result.ToApiError();
    }

    private static async Task<Results<Ok<ButtonResource>, ApiError>> UpdateAsync(
        string buttonId, ApiCaller caller, HttpContext http, ButtonService buttons, WalletService wallets, CancellationToken cancellationToken)
    {
        var read = await ApiJson.ReadAsync<UpdateButtonBody>(http, cancellationToken);
        if (read.Error is { } invalid)
            return invalid;
        var body = read.Value!;
        var (address, walletError) = await OrdersEndpoints.MerchantWalletAsync(caller.Scope, body.MerchantWallet, wallets, cancellationToken);
        if (walletError is not null)
            return walletError;

        var answer = new ChangedAnswer<OrderButton, ButtonResource>(http, changed => ButtonResource.Of(changed, http));
        return answer.For(await buttons.UpdateAsync(caller.Scope, buttonId, body.ToUpdate(address), answer.KeepWith,
            cancellationToken));
    }

    private static async Task<Results<Ok<ListPage<ButtonResource>>, ApiError>> ListAsync(
        ApiCaller caller, HttpContext http, ButtonService buttons, CancellationToken cancellationToken)
    {
        if (!ButtonListFilter.TryParse(http.Request.Query, out var filter, out var invalid))
            return invalid!;
        return await ApiListResponse.PageAsync(http, "button", request => buttons.ListAsync(caller.Scope, filter, request, cancellationToken),
            b => ButtonResource.Of(b, http));
    }

    private static async Task<Results<Ok<ButtonResource>, ApiError>> GetAsync(
        string buttonId, ApiCaller caller, HttpContext http, ButtonService buttons, CancellationToken cancellationToken) =>
        await buttons.GetAsync(caller.Scope, buttonId, cancellationToken) is { } button
            ? TypedResults.Ok(ButtonResource.Of(button, http))
            : NoSuchButton(buttonId);

    private static async Task<Results<Ok<PublicButtonResource>, ApiError>> GetPublicAsync(
        string buttonId, HttpContext http, ButtonService buttons, CancellationToken cancellationToken) =>
        await FindAsync(buttonId, http, buttons, cancellationToken) is { } button
            ? TypedResults.Ok(PublicButtonResource.Of(button))
            : NoSuchButton(buttonId);

    private static async Task<Results<Created<PublicButtonOrderResource>, ApiError>> CreateOrderAsync(
        string buttonId, HttpContext http, ButtonService buttons, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadAsync<ButtonOrderBody>(http, cancellationToken);
        if (body.Error is { } invalid)
            return invalid;
        if (await FindAsync(buttonId, http, buttons, cancellationToken) is not { } button)
            return NoSuchButton(buttonId);

        var answer = new CreatedAnswer<Order, PublicButtonOrderResource>(http,
            order => $"/v1/public/orders/{order.Id}", order => PublicButtonOrderResource.Of(order, http));
        var result = await buttons.CreateOrderFromButtonAsync(buttonId, body.Value!.Amount, answer.KeepWith, cancellationToken);
        return result.Succeeded ? answer.For(result.Value!) : result.ToApiError();
    }

    /// <summary>The button by id; with a publishable key, only one of that key's merchant and mode (as every key scopes).</summary>
    private static async Task<OrderButton?> FindAsync(string buttonId, HttpContext http, ButtonService buttons, CancellationToken cancellationToken)
    {
        var button = await buttons.FindPublicAsync(buttonId, cancellationToken);
        return button is not null && ApiCaller.Optional(http) is { } caller
            && (button.MerchantId != caller.Scope.MerchantId || button.Livemode != caller.Scope.Livemode)
                ? null
                : button;
    }

    private static ApiError NoSuchButton(string buttonId) => ApiError.NotFound($"No such button: '{buttonId}'.");
}
