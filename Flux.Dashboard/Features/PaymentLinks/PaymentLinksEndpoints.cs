using Flux.Dashboard.Api;
using Flux.Dashboard.Api.Docs;
using Flux.Dashboard.Api.Idempotency;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Wallets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Features.PaymentLinks;

/// <summary>The payment links API over <see cref="PaymentLinkService"/>, in Stripe's shape: create, list, retrieve, update.</summary>
public static class PaymentLinksEndpoints
{
    private const string Tag = "Payment links";

    public static FluxApi MapPaymentLinksApi(this FluxApi api)
    {
        api.V1.MapPost("/payment_links", CreateAsync)
            .WithName("CreatePaymentLink").WithSummary("Create a payment link").WithTags(Tag)
            .WithDescription("Creates a link to a hosted page (`url`, `/pay/{id}`) that sells one product: anyone who opens it and proceeds gets an order of their own, paid into the link's wallet, and is sent to its checkout. `amount` is the price of one item in Pi, or, with a `currency` other than `PI` (an ISO 4217 code), a price in it that each order locks into Pi at the rate of the moment, as `POST /v1/orders` does. With `quantity_adjustable` the customer chooses how many (1 to 99). `expires_in` (seconds, 60 to 604800) is how long each of its orders waits for payment; without it orders wait the default time. `success_url` (an absolute http(s) address) is where the customer goes once their order is confirmed: the checkout shows the payment went through and a \"Continue to <host>\" button, then takes them there after a few seconds; `{ORDER_ID}` in it becomes the order's id.")
            .WithRequestBody<CreatePaymentLinkBody>()
            .WithRequestExample("pi", "A product priced in Pi", PaymentLinkExamples.Create)
            .WithRequestExample("price", "A ticket priced in US dollars", PaymentLinkExamples.CreatePrice)
            .ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithResponseExample(StatusCodes.Status201Created, PaymentLinkExamples.PaymentLink);
        api.V1.MapGet("/payment_links", ListAsync)
            .WithName("ListPaymentLinks").WithSummary("List payment links").WithTags(Tag)
            .WithDescription("The key's payment links in its mode, newest first. Their orders are listed by `GET /v1/orders?payment_link=plink_…`.")
            .WithListParameters().ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithResponseExample(StatusCodes.Status200OK, PaymentLinkExamples.PaymentLinkList);
        api.V1.MapGet("/payment_links/{paymentLinkId}", GetAsync)
            .WithName("GetPaymentLink").WithSummary("Retrieve a payment link").WithTags(Tag)
            .ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, PaymentLinkExamples.PaymentLink);
        api.V1.MapPost("/payment_links/{paymentLinkId}", UpdateAsync)
            .WithName("UpdatePaymentLink").WithSummary("Update a payment link").WithTags(Tag)
            .WithDescription("`{\"active\": false}` deactivates the link: its page then says the product is no longer available (HTTP 410) and starts no orders; orders already started keep going. `{\"active\": true}` turns it on again.")
            .WithRequestBody<UpdatePaymentLinkBody>()
            .WithRequestExample("deactivate", "Deactivate a link", PaymentLinkExamples.Deactivate)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, PaymentLinkExamples.PaymentLink);
        return api;
    }

    private static async Task<Results<Created<PaymentLinkResource>, ApiError>> CreateAsync(
        ApiCaller caller, HttpContext http, PaymentLinkService links, WalletService wallets, CancellationToken cancellationToken)
    {
        var read = await ApiJson.ReadAsync<CreatePaymentLinkBody>(http, cancellationToken);
        if (read.Error is { } invalid)
            return invalid;
        var body = read.Value!;
        var (address, walletError) = await OrdersEndpoints.MerchantWalletAsync(caller.Scope, body.MerchantWallet, wallets, cancellationToken);
        if (walletError is not null)
            return walletError;

        var answer = new CreatedAnswer<PaymentLink, PaymentLinkResource>(http,
            link => $"/v1/payment_links/{link.Id}", link => PaymentLinkResource.Of(link, http));
        var result = await links.CreateAsync(caller.Scope, new CreatePaymentLinkRequest(body.ProductName, body.Amount, body.Currency)
        {
            QuantityAdjustable = body.QuantityAdjustable ?? false,
            SuccessUrl = body.SuccessUrl,
            ExpiresIn = body.ExpiresIn,
            WalletAddress = address,
        }, answer.KeepWith, cancellationToken);
        if (!result.Succeeded)
            return WithApiNames(result).ToApiError();
        return answer.For(result.Value!);
    }

    private static Task<Results<Ok<ListPage<PaymentLinkResource>>, ApiError>> ListAsync(
        ApiCaller caller, HttpContext http, PaymentLinkService links, CancellationToken cancellationToken) =>
        ApiListResponse.PageAsync(http, "payment link", request => links.ListAsync(caller.Scope, request, cancellationToken),
            link => PaymentLinkResource.Of(link, http));

    private static async Task<Results<Ok<PaymentLinkResource>, ApiError>> GetAsync(
        string paymentLinkId, ApiCaller caller, HttpContext http, PaymentLinkService links, CancellationToken cancellationToken)
    {
        var result = await links.GetAsync(caller.Scope, paymentLinkId, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(PaymentLinkResource.Of(result.Value!, http)) : result.ToApiError();
    }

    private static async Task<Results<Ok<PaymentLinkResource>, ApiError>> UpdateAsync(
        string paymentLinkId, ApiCaller caller, HttpContext http, PaymentLinkService links, CancellationToken cancellationToken)
    {
        var read = await ApiJson.ReadAsync<UpdatePaymentLinkBody>(http, cancellationToken);
        if (read.Error is { } invalid)
            return invalid;
        if (read.Value!.Active is not { } active)
            return ApiError.InvalidRequest("Say what to change: \"active\": false deactivates the link, true turns it on again.", "active");
        var answer = new ChangedAnswer<PaymentLink, PaymentLinkResource>(http, changed => PaymentLinkResource.Of(changed, http));
        return answer.For(await links.SetActiveAsync(caller.Scope, paymentLinkId, active, answer.KeepWith, cancellationToken));
    }

    /// <summary>The service names a wallet chosen by address <c>merchant_wallet</c> already; a missing default wallet is <c>wallet</c>, which the API calls <c>merchant_wallet</c>.</summary>
    private static ServiceResult<PaymentLink> WithApiNames(ServiceResult<PaymentLink> result) =>
        result.Error is { Field: "wallet" } error
            ? ServiceResult<PaymentLink>.Invalid("merchant_wallet", error.Message)
            : result;
}
