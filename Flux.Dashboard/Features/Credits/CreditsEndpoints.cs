using Flux.Dashboard.Api;
using Flux.Dashboard.Features.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Features.Credits;

/// <summary><c>{available, used, livemode}</c>: what the seed's <c>flux.credits.getBalance()</c> reads.</summary>
public sealed record CreditBalanceResource(int Available, int Used, bool Livemode);

public static class CreditsEndpoints
{
    public static FluxApi MapCreditsApi(this FluxApi api)
    {
        api.V1.MapGet("/credits/balance", BalanceAsync);
        return api;
    }

    private static async Task<Ok<CreditBalanceResource>> BalanceAsync(ApiCaller caller, CreditService credits, CancellationToken cancellationToken)
    {
        var available = await credits.BalanceAsync(caller.Scope, cancellationToken);
        var used = await credits.UsedAsync(caller.Scope, cancellationToken);
        return TypedResults.Ok(new CreditBalanceResource(available, used, caller.Scope.Livemode));
    }
}
