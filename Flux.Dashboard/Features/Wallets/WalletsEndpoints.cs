using Flux.Dashboard.Api;
using Flux.Dashboard.Api.Docs;
using Flux.Dashboard.Api.Idempotency;
using Flux.Dashboard.Features.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Features.Wallets;

/// <summary>
/// <c>/v1/wallets</c> over <see cref="WalletService"/>: register, read, relabel, make default and remove the wallets a
/// key's merchant is paid into in its mode, with the same checks as the Wallets page (a valid address, on chain in live
/// mode), so <c>merchant_wallet</c> can name one without the dashboard.
/// </summary>
public static class WalletsEndpoints
{
    private const string Tag = "Wallets";

    public static FluxApi MapWalletsApi(this FluxApi api)
    {
        api.V1.MapPost("/wallets", CreateAsync)
            .WithName("CreateWallet").WithSummary("Register a wallet").WithTags(Tag)
            .WithDescription("Registers a Pi wallet for the key's mode, as the Wallets page does: `address` must be a valid Pi address and, in live mode, an account that exists on Pi mainnet. Flux watches it at once. The first wallet, or one sent with `\"default\": true`, is the default that orders without `merchant_wallet` are paid into. A wallet removed earlier is restored with its id.")
            .WithRequestBody<CreateWalletBody>()
            .WithRequestExample("wallet", "A wallet made the default", WalletExamples.Create)
            .ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithResponseExample(StatusCodes.Status201Created, WalletExamples.Wallet);
        api.V1.MapGet("/wallets", ListAsync)
            .WithName("ListWallets").WithSummary("List wallets").WithTags(Tag)
            .WithDescription("The key's wallets in its mode, newest first; removed ones are not listed.")
            .WithListParameters().ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithResponseExample(StatusCodes.Status200OK, WalletExamples.List);
        api.V1.MapGet("/wallets/{walletId}", GetAsync)
            .WithName("GetWallet").WithSummary("Retrieve a wallet").WithTags(Tag)
            .ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, WalletExamples.Wallet);
        api.V1.MapPost("/wallets/{walletId}", UpdateAsync)
            .WithName("UpdateWallet").WithSummary("Update a wallet").WithTags(Tag)
            .WithDescription("Changes the `label` (`\"\"` clears it) and, with `\"default\": true`, makes the wallet the default. A default wallet stays the default until another one is made the default, so `\"default\": false` is refused for it.")
            .WithRequestBody<UpdateWalletBody>()
            .WithRequestExample("wallet", "Relabel and make default", WalletExamples.Update)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, WalletExamples.Wallet);
        api.V1.MapDelete("/wallets/{walletId}", DeleteAsync)
            .WithName("DeleteWallet").WithSummary("Remove a wallet").WithTags(Tag)
            .WithDescription("Takes the wallet out of use, as the Wallets page does: new orders cannot name it, its history stays (orders paid into it keep it, and late payments to it are still seen). If it was the default, the earliest added remaining wallet becomes the default. Registering the address again restores it.")
            .ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, WalletExamples.Deleted);
        return api;
    }

    private static async Task<Results<Created<WalletResource>, ApiError>> CreateAsync(
        ApiCaller caller, HttpContext http, WalletService wallets, CancellationToken cancellationToken)
    {
        var read = await ApiJson.ReadAsync<CreateWalletBody>(http, cancellationToken);
        if (read.Error is { } invalid)
            return invalid;
        var body = read.Value!;
        var answer = new CreatedAnswer<Wallet, WalletResource>(http, wallet => $"/v1/wallets/{wallet.Id}", WalletResource.Of);
        var result = await wallets.AddAsync(caller.Scope, body.Address, body.Label, body.Default == true, answer.KeepWith, cancellationToken);
        return result.Succeeded ? answer.For(result.Value!) : result.ToApiError();
    }

    private static Task<Results<Ok<ListPage<WalletResource>>, ApiError>> ListAsync(
        ApiCaller caller, HttpContext http, WalletService wallets, CancellationToken cancellationToken) =>
        ApiListResponse.PageAsync(http, "wallet", request => wallets.ListAsync(caller.Scope, request, cancellationToken), WalletResource.Of);

    private static async Task<Results<Ok<WalletResource>, ApiError>> GetAsync(
        string walletId, ApiCaller caller, WalletService wallets, CancellationToken cancellationToken) =>
        await wallets.GetAsync(caller.Scope, walletId, cancellationToken) is { } wallet
            ? TypedResults.Ok(WalletResource.Of(wallet))
            : NoSuchWallet(walletId);

    private static async Task<Results<Ok<WalletResource>, ApiError>> UpdateAsync(
        string walletId, ApiCaller caller, HttpContext http, WalletService wallets, CancellationToken cancellationToken)
    {
        var read = await ApiJson.ReadAsync<UpdateWalletBody>(http, cancellationToken);
        if (read.Error is { } invalid)
            return invalid;
        var body = read.Value!;
        if (body.Default == false && (await wallets.GetAsync(caller.Scope, walletId, cancellationToken))?.IsDefault == true)
        {
            return ApiError.InvalidRequest(
                "This is the default wallet, and one wallet always is: make another wallet the default instead (\"default\": true on it).", "default");
        }
        var answer = new ChangedAnswer<Wallet, WalletResource>(http, WalletResource.Of);
        return answer.For(await wallets.UpdateAsync(caller.Scope, walletId, new WalletChange(body.Label, body.Default == true),
            answer.KeepWith, cancellationToken));
    }

    private static async Task<Results<Ok<DeletedWalletResource>, ApiError>> DeleteAsync(
        string walletId, ApiCaller caller, WalletService wallets, CancellationToken cancellationToken)
    {
        var result = await wallets.RemoveAsync(caller.Scope, walletId, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(new DeletedWalletResource(walletId)) : result.ToApiError();
    }

    private static ApiError NoSuchWallet(string walletId) => ApiError.NotFound(WalletService.NoSuchWallet(walletId));
}
