using Flux.Dashboard.Api;
using Flux.Dashboard.Api.Docs;
using Flux.Dashboard.Features.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Features.Credits;

/// <summary><c>{available, used, livemode}</c>: what the seed's <c>flux.credits.getBalance()</c> reads.</summary>
public sealed record CreditBalanceResource(int Available, int Used, bool Livemode);

public static class CreditsEndpoints
{
    public static FluxApi MapCreditsApi(this FluxApi api)
    {
        api.V1.MapGet("/credits/balance", BalanceAsync)
            .WithName("GetCreditBalance").WithSummary("Retrieve the credit balance").WithTags("Credits")
            .WithDescription("Credits available and used in the key's mode; what the SDK's `flux.credits.getBalance()` reads. Each confirmed order uses one credit.")
            .WithResponseExample(StatusCodes.Status200OK, SeedExamples.CreditBalance);
        return api;
    }

    private static async Task<Ok<CreditBalanceResource>> BalanceAsync(ApiCaller caller, CreditService credits, CancellationToken cancellationToken)
    {
        var available = await credits.BalanceAsync(caller.Scope, cancellationToken);
        var used = await credits.UsedAsync(caller.Scope, cancellationToken);
        return TypedResults.Ok(new CreditBalanceResource(available, used, caller.Scope.Livemode));
    }
}
