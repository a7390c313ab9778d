using Flux.Dashboard.Api;
using Flux.Dashboard.Api.Docs;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Features.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Features.Payments;

/// <summary>A payment seen on chain into one of the merchant's wallets, as the API shows it.</summary>
public sealed record PaymentResource(
    string PaymentId,
    string TransactionHash,
    long? Ledger,
    string? From,
    string To,
    string? ToMuxed,
    decimal Amount,
    string? Memo,
    string? OrderId,
    DateTimeOffset CreatedAt,
    bool Livemode)
{
    public static PaymentResource Of(ChainPayment payment, bool livemode) => new(
        payment.OperationId, payment.TransactionHash, payment.Ledger, payment.From, payment.Wallet, payment.ToMuxed,
        payment.Amount, payment.Memo, payment.OrderId, payment.CreatedAt, livemode);
}

/// <summary>
/// <c>GET /v1/payments</c>, the product docs' first request, and <c>GET /v1/payments/{id}</c>: the payments Flux saw on
/// chain for the key's scope.
/// </summary>
public static class PaymentsEndpoints
{
    public static FluxApi MapPaymentsApi(this FluxApi api)
    {
        api.V1.MapGet("/payments", ListAsync)
            .WithName("ListPayments").WithSummary("List payments").WithTags("Payments")
            .WithDescription("Payments Flux saw on chain into the merchant's wallets in the key's mode, newest first, with the order each one paid; `order_id`, `unmatched` and `created[gte]`/`created[lte]` narrow the list.")
            .WithListParameters().WithQueryParameters(PaymentListFilter.Parameters).ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithResponseExample(StatusCodes.Status200OK, SeedExamples.PaymentList);
        api.V1.MapGet("/payments/{paymentId}", GetAsync)
            .WithName("GetPayment").WithSummary("Retrieve a payment").WithTags("Payments")
            .WithDescription("One payment Flux saw on chain into the merchant's wallets in the key's mode, by the `payment_id` the list, `payment.unmatched` events and refunds name it with. (`POST /v1/payments`, the product docs' request, creates an order: read that at `GET /v1/orders/{id}`.)")
            .ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, SeedExamples.Payment);
        return api;
    }

    private static async Task<Results<Ok<PaymentResource>, ApiError>> GetAsync(
        string paymentId, ApiCaller caller, PaymentsQuery payments, CancellationToken cancellationToken)
    {
        if (await payments.GetAsync(caller.Scope, paymentId, cancellationToken) is { } payment)
            return TypedResults.Ok(PaymentResource.Of(payment, caller.Scope.Livemode));
        return ApiError.NotFound(paymentId.StartsWith(OrderRules.IdPrefix + "_", StringComparison.Ordinal)
            ? $"No such payment: '{paymentId}'. That is an order's id: read the order at GET /v1/orders/{paymentId}."
            : $"No such payment: '{paymentId}'.");
    }

    private static async Task<Results<Ok<ListPage<PaymentResource>>, ApiError>> ListAsync(
        ApiCaller caller, HttpContext http, PaymentsQuery payments, OrderService orders, CancellationToken cancellationToken)
    {
        if (!PaymentListFilter.TryParse(http.Request.Query, out var filter, out var invalid))
            return invalid!;
        if (filter.OrderId is { } orderId && await orders.GetAsync(caller.Scope, orderId, cancellationToken) is null)
            return ApiListResponse.NoSuch("order", orderId, PaymentListFilter.OrderIdParameter.Name);
        return await ApiListResponse.PageAsync(http, "payment", request => payments.ListAsync(caller.Scope, filter, request, cancellationToken),
            p => PaymentResource.Of(p, caller.Scope.Livemode));
    }
}
