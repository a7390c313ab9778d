using Flux.Dashboard.Api;
using Flux.Dashboard.Api.Docs;
using Flux.Dashboard.Api.Idempotency;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Features.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Features.Refunds;

/// <summary>The refunds API over <see cref="RefundService"/>.</summary>
public static class RefundsEndpoints
{
    private const string Tag = "Refunds";

    public static FluxApi MapRefundsApi(this FluxApi api)
    {
        api.V1.MapPost("/refunds", CreateAsync)
            .WithName("CreateRefund").WithSummary("Create a refund").WithTags(Tag)
            .WithDescription("Says what to send back: `amount` Pi from `pay_from` (the wallet that received the money) to `pay_to` (the payment's sender) with `memo`, or `payment_uri` in the wallet app. Name an `order_id` (by default its overpaid part if it was fulfilled, else everything it received) or a `payment_id` (an unmatched payment: by default all of it). A refund never exceeds what is left of the money received. Flux marks it `succeeded` when the watcher sees that payment on chain.")
            .WithRequestBody<CreateRefundBody>()
            .WithRequestExample("order", "The overpaid part of an order", RefundExamples.CreateForOrder)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status201Created, RefundExamples.Refund);
        api.V1.MapGet("/refunds", ListAsync)
            .WithName("ListRefunds").WithSummary("List refunds").WithTags(Tag)
            .WithDescription("The key's refunds in its mode, newest first; `status`, `order_id` and `created[gte]`/`created[lte]` narrow the list.")
            .WithListParameters().WithQueryParameters(RefundListFilter.Parameters).ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithResponseExample(StatusCodes.Status200OK, RefundExamples.RefundList);
        api.V1.MapGet("/refunds/{refundId}", GetAsync)
            .WithName("GetRefund").WithSummary("Retrieve a refund").WithTags(Tag)
            .ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, RefundExamples.Refund);
        api.V1.MapPost("/refunds/{refundId}/cancel", CancelAsync)
            .WithName("CancelRefund").WithSummary("Cancel a refund").WithTags(Tag)
            .WithDescription("Cancels a `pending` refund, giving its amount back to what may be refunded; a refund whose payment was seen cannot be canceled (400).")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, RefundExamples.Refund);
        return api;
    }

    private static async Task<Results<Created<RefundResource>, ApiError>> CreateAsync(
        ApiCaller caller, HttpContext http, RefundService refunds, CancellationToken cancellationToken)
    {
        var read = await ApiJson.ReadAsync<CreateRefundBody>(http, cancellationToken);
        if (read.Error is { } invalid)
            return invalid;
        var body = read.Value!;
        var answer = new CreatedAnswer<Refund, RefundResource>(http, refund => $"/v1/refunds/{refund.Id}", refund => Resource(refund, refunds));
        var result = await refunds.CreateAsync(caller.Scope, new CreateRefundRequest(body.OrderId, body.PaymentId, body.Amount, body.Reason),
            answer.KeepWith, cancellationToken);
        return result.Succeeded ? answer.For(result.Value!) : result.ToApiError();
    }

    private static async Task<Results<Ok<ListPage<RefundResource>>, ApiError>> ListAsync(
        ApiCaller caller, HttpContext http, RefundService refunds, OrderService orders, CancellationToken cancellationToken)
    {
        if (!RefundListFilter.TryParse(http.Request.Query, out var filter, out var invalid))
            return invalid!;
        if (filter.OrderId is { } orderId && await orders.GetAsync(caller.Scope, orderId, cancellationToken) is null)
            return ApiListResponse.NoSuch("order", orderId, RefundListFilter.OrderIdParameter.Name);
        return await ApiListResponse.PageAsync(http, "refund", request => refunds.ListAsync(caller.Scope, filter, request, cancellationToken),
            refund => Resource(refund, refunds));
    }

    private static async Task<Results<Ok<RefundResource>, ApiError>> GetAsync(
        string refundId, ApiCaller caller, RefundService refunds, CancellationToken cancellationToken) =>
        await refunds.GetAsync(caller.Scope, refundId, cancellationToken) is { } refund
            ? TypedResults.Ok(Resource(refund, refunds))
            : NoSuchRefund(refundId);

    private static async Task<Results<Ok<RefundResource>, ApiError>> CancelAsync(
        string refundId, ApiCaller caller, HttpContext http, RefundService refunds, CancellationToken cancellationToken)
    {
        var answer = new ChangedAnswer<Refund, RefundResource>(http, canceled => Resource(canceled, refunds));
        return answer.For(await refunds.CancelAsync(caller.Scope, refundId, answer.KeepWith, cancellationToken));
    }

    private static RefundResource Resource(Refund refund, RefundService refunds) => RefundResource.Of(refund, refunds.PaymentUriFor(refund));

    private static ApiError NoSuchRefund(string refundId) => ApiError.NotFound(RefundRules.NoSuchRefund(refundId));
}
