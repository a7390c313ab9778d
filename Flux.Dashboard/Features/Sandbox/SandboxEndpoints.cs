using System.Globalization;
using Flux.Dashboard.Api;
using Flux.Dashboard.Api.Docs;
using Flux.Dashboard.Api.Idempotency;
using Flux.Dashboard.Api.RateLimiting;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Features.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Features.Sandbox;

/// <summary><c>{"order_id": "ord_…"}</c>, or <c>{"to": "G…", "amount": 10.0, "memo": "…"}</c>.</summary>
public sealed record SandboxPaymentBody(string? OrderId = null, string? To = null, decimal? Amount = null, string? Memo = null);

public sealed record SandboxPaymentResource(
    string PaymentId,
    string TransactionHash,
    long Ledger,
    string From,
    string To,
    decimal Amount,
    string? Memo,
    string? OrderId,
    DateTimeOffset CreatedAt,
    bool Livemode)
{
    public static SandboxPaymentResource Of(TestPayment paid, string? orderId) => new(
        paid.Payment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), paid.Payment.TransactionHash, paid.Payment.Ledger,
        paid.Payment.From, paid.Payment.To, Stroops.ToPi(paid.Payment.AmountStroops), paid.Transaction.Memo, orderId,
        paid.Payment.CreatedAt, Livemode: false);
}

/// <summary>
/// <c>POST /v1/sandbox/payments</c>: test keys simulate a customer's payment from the sandbox test wallet, at most
/// <see cref="ApiRateLimitOptions.SandboxPaymentsPerMerchant"/> a second per merchant.
/// </summary>
public static class SandboxEndpoints
{
    public static FluxApi MapSandboxApi(this FluxApi api)
    {
        api.V1.MapPost("/sandbox/payments", PayAsync)
            .WithName("CreateSandboxPayment").WithSummary("Simulate a payment (test keys)").WithTags("Sandbox")
            .WithDescription("Test keys only. Pays from the sandbox test wallet: an order by `order_id` (its amount, to its wallet, with its memo), or any `amount` `to` an address with a `memo`.")
            .WithRequestBody<SandboxPaymentBody>()
            .WithRequestExample("order", "Pay an order", SeedExamples.SandboxPayOrderRequest)
            .WithRequestExample("any", "Pay any address", SeedExamples.SandboxPayAnyRequest)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status201Created, SeedExamples.SandboxPayment);
        return api;
    }

    public const string TooManyMessage =
        "Too many simulated payments: the sandbox takes at most {0} a second from one merchant, whatever its keys. Retry after the number of seconds in the Retry-After header.";

    private static async Task<Results<Created<SandboxPaymentResource>, ApiError>> PayAsync(
        ApiCaller caller, HttpContext http, TestPayments payments, IApiRateLimits rateLimits, IOptions<ApiRateLimitOptions> limits,
        CancellationToken cancellationToken)
    {
        if (caller.Scope.Livemode)
            return ApiError.InvalidRequest("Sandbox payments need a test key (sk_test_…); a live key works with real Pi only.");
        var body = await ApiJson.ReadAsync<SandboxPaymentBody>(http, cancellationToken);
        if (body.Error is { } invalid)
            return invalid;
        var request = body.Value!;
        if (await rateLimits.AcquireForSandboxPaymentAsync(caller.Scope.MerchantId, cancellationToken) is { Allowed: false } refused)
            return ApiError.RateLimitExceeded(string.Format(CultureInfo.InvariantCulture, TooManyMessage, limits.Value.SandboxPaymentsPerMerchant), refused.RetryAfter);
        var answer = new CreatedAnswer<TestPayment, SandboxPaymentResource>(http, _ => null, paid => SandboxPaymentResource.Of(paid, request.OrderId));

        ServiceResult<TestPayment> result;
        if (request.OrderId is { } orderId)
        {
            if (request.To is not null || request.Amount is not null || request.Memo is not null)
                return ApiError.InvalidRequest("Pass either order_id, or to, amount and memo — not both.", "order_id");
            result = await payments.PayOrderAsync(caller.Scope, orderId, answer.KeepWith, cancellationToken);
        }
        else if (string.IsNullOrWhiteSpace(request.To))
        {
            return ApiError.InvalidRequest("Pass order_id to pay an order, or to and amount (and a memo) for any payment.", "to");
        }
        else if (request.Amount is not { } amount)
        {
            return ApiError.InvalidRequest("Enter the amount in Pi.", "amount");
        }
        else
        {
            result = await payments.PayAsync(request.To.Trim(), amount, request.Memo, answer.KeepWith, cancellationToken);
        }

        return result.Succeeded ? answer.For(result.Value!) : result.ToApiError();
    }
}
