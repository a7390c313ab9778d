using Flux.Dashboard.Api;
using Flux.Dashboard.Api.Docs;
using Flux.Dashboard.Features.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Features.Credits;

/// <summary><c>{available, used, livemode}</c>: what the product docs' <c>flux.credits.getBalance()</c> reads.</summary>
public sealed record CreditBalanceResource(int Available, int Used, bool Livemode);

/// <summary>One line of the append-only credit ledger.</summary>
public sealed record CreditLedgerEntryResource(string Id, int Delta, int BalanceAfter, CreditReason Reason, string? OrderId, string? PurchaseId, string? Note, DateTimeOffset CreatedAt, bool Livemode)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Object => "credit_ledger_entry";

    public static CreditLedgerEntryResource Of(CreditEntry e) => new(CreditService.LedgerIdPrefix + e.Id, e.Delta, e.BalanceAfter,
        e.Reason, e.OrderId, e.PurchaseId, e.Note, e.CreatedAt, e.Livemode);
}

public static class CreditsEndpoints
{
    public static FluxApi MapCreditsApi(this FluxApi api)
    {
        api.V1.MapGet("/credits/balance", BalanceAsync)
            .WithName("GetCreditBalance").WithSummary("Retrieve the credit balance").WithTags("Credits")
            .WithDescription("Credits available and used in the key's mode; what the SDK's `flux.credits.getBalance()` reads. Each confirmed order uses one credit.")
            .WithResponseExample(StatusCodes.Status200OK, SeedExamples.CreditBalance);
        api.V1.MapGet("/credits/ledger", LedgerAsync)
            .WithName("ListCreditLedger").WithSummary("List the credit ledger").WithTags("Credits")
            .WithDescription("Every credit added or used in the key's mode, newest first: `delta` is +N for credits added (`purchase_id` names the credit purchase they came from) and -1 for each confirmed order.")
            .WithListParameters().ProducesApiErrors(StatusCodes.Status400BadRequest);
        return api;
    }

    private static Task<Results<Ok<ListPage<CreditLedgerEntryResource>>, ApiError>> LedgerAsync(
        ApiCaller caller, HttpContext http, CreditService credits, CancellationToken cancellationToken) =>
        ApiListResponse.PageAsync(http, "ledger entry", request => credits.LedgerPageAsync(caller.Scope, request, cancellationToken), CreditLedgerEntryResource.Of);

    private static async Task<Ok<CreditBalanceResource>> BalanceAsync(ApiCaller caller, CreditService credits, CancellationToken cancellationToken)
    {
        var available = await credits.BalanceAsync(caller.Scope, cancellationToken);
        var used = await credits.UsedAsync(caller.Scope, cancellationToken);
        return TypedResults.Ok(new CreditBalanceResource(available, used, caller.Scope.Livemode));
    }
}
