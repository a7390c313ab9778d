using System.Text.Json;
using Flux.Dashboard.Api;
using Flux.Dashboard.Api.Docs;
using Flux.Dashboard.Api.Idempotency;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Wallets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Features.Orders;

/// <summary>
/// The orders API for browser code (<c>/v1/public</c>): create an order with a publishable key, and follow an order's
/// status by its id alone — once, or live as Server-Sent Events.
/// </summary>
public static class PublicOrdersEndpoints
{
    /// <summary>How often an idle status stream sends a comment, so proxies and browsers keep it open.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    private const string Tag = "Public";

    public static FluxApi MapPublicOrdersApi(this FluxApi api)
    {
        api.Public.MapPost("/orders", CreateAsync)
            .RequireAuthorization(ApiAuth.PublishableKeyPolicy)
            .WithName("CreatePublicOrder").WithSummary("Create an order from browser code").WithTags(Tag)
            .WithDescription("With a publishable key (`pk_…`): creates an order paid into `merchant_wallet`, which must be one of the key's merchant's wallets in the key's mode. Answers with the order's public fields.")
            .WithRequestBody<CreateOrderBody>()
            .WithRequestExample("seed", "An order to the sandbox test wallet", SeedExamples.ConfirmOrderRequest)
            .ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithResponseExample(StatusCodes.Status201Created, SeedExamples.PublicOrder);
        api.Public.MapGet("/orders/{orderId}", GetAsync)
            .RequireAuthorization(ApiAuth.PublicPolicy)
            .WithName("GetPublicOrder").WithSummary("Retrieve an order's public status").WithTags(Tag)
            .WithDescription("No key needed: the order id is enough. Only what the customer needs to pay and follow the order.")
            .ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, SeedExamples.PublicOrder);
        api.Public.MapGet("/orders/{orderId}/stream", StreamAsync)
            .RequireAuthorization(ApiAuth.PublicPolicy)
            .WithName("StreamPublicOrder").WithSummary("Follow an order's status live").WithTags(Tag)
            .WithDescription("Server-Sent Events, no key needed: an `order` event with the public fields at once and after each change, a comment every 15 s, and the end of the stream once the order is confirmed, expired, canceled or paid after expiry.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesApiErrors(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Created<PublicOrderResource>, ApiError>> CreateAsync(
        ApiCaller caller, HttpContext http, OrderService orders, WalletService wallets, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadAsync<CreateOrderBody>(http, cancellationToken);
        if (body.Error is { } invalid)
            return invalid;
        // Browser code names its wallet: a public page should not pay whichever wallet is the default today.
        if (string.IsNullOrWhiteSpace(body.Value!.MerchantWallet))
            return ApiError.InvalidRequest("Name the wallet to pay: merchant_wallet is required, one of your wallets in this mode.", "merchant_wallet");

        var answer = new CreatedAnswer<Order, PublicOrderResource>(http, order => $"/v1/public/orders/{order.Id}", PublicOrderResource.Of);
        var (order, error) = await OrdersEndpoints.CreateForAsync(caller.Scope, body.Value, orders, wallets, answer.KeepWith, cancellationToken);
        if (order is null)
            return error!;
        return answer.For(order);
    }

    private static async Task<Results<Ok<PublicOrderResource>, ApiError>> GetAsync(
        string orderId, HttpContext http, OrderService orders, CancellationToken cancellationToken) =>
        await FindAsync(orderId, http, orders, cancellationToken) is { } order
            ? TypedResults.Ok(PublicOrderResource.Of(order))
            : OrdersEndpoints.NoSuchOrder(orderId);

    private static async Task<IResult> StreamAsync(string orderId, HttpContext http, OrderService orders, EventBus bus, CancellationToken cancellationToken)
    {
        var order = await FindAsync(orderId, http, orders, cancellationToken);
        if (order is null)
            return OrdersEndpoints.NoSuchOrder(orderId);

        using var live = new LiveStream(bus, new MerchantScope(order.MerchantId, order.Livemode), e => e.OrderId == orderId);
        PublicOrderResource? sent = null;
        await live.RunAsync(http, async ct =>
        {
            // Read after subscribing, so a change between the first read and the subscription is never missed.
            order = await orders.FindPublicAsync(orderId, ct) ?? order;
            var current = PublicOrderResource.Of(order);
            if (current != sent)
                await WriteAsync(http, current, ct);
            sent = current;
            return !PublicOrderResource.IsFinal(order.Status);
        }, HeartbeatInterval, cancellationToken);
        return Results.Empty;
    }

    private static Task WriteAsync(HttpContext http, PublicOrderResource order, CancellationToken ct) =>
        ServerSentEvents.WriteAsync(http, "order", JsonSerializer.Serialize(order, ApiJson.Options), ct);

    /// <summary>The order by id; with a publishable key, only one of that key's merchant and mode (as every key scopes).</summary>
    private static async Task<Order?> FindAsync(string orderId, HttpContext http, OrderService orders, CancellationToken cancellationToken)
    {
        var order = await orders.FindPublicAsync(orderId, cancellationToken);
        return order is not null && ApiCaller.Optional(http) is { } caller
            && (order.MerchantId != caller.Scope.MerchantId || order.Livemode != caller.Scope.Livemode)
                ? null
                : order;
    }
}
