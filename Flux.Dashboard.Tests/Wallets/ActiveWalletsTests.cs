using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Wallets;

/// <summary>Orders take their wallet from a cache of active wallets: every wallet change must show in the very next order.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class ActiveWalletsTests(FluxAppFactory app) : IDisposable
{
    private readonly IServiceScope services = app.Services.CreateScope();

    private WalletService Wallets => services.ServiceProvider.GetRequiredService<WalletService>();
    private OrderService Orders => app.Services.GetRequiredService<OrderService>();

    [Fact]
    public async Task The_next_order_follows_a_new_default_wallet_a_removal_and_a_first_wallet()
    {
        var scope = await app.NewMerchantAsync();
        var noWallet = await Orders.CreateAsync(scope, new CreateOrderRequest(1m, null));
        Assert.Equal("wallet", Assert.Single(noWallet.Errors).Field);

        var first = (await Wallets.AddAsync(scope, await app.FundedSandboxAddressAsync(), "First")).Value!;
        Assert.Equal(first.Address, await PayToAsync(scope));

        var second = (await Wallets.AddAsync(scope, await app.FundedSandboxAddressAsync(), "Second")).Value!;
        Assert.Equal(first.Address, await PayToAsync(scope));
        Assert.Equal(second.Address, (await Orders.CreateAsync(scope, new CreateOrderRequest(1m, null, WalletId: second.Id))).Value!.PayTo);

        await Wallets.SetDefaultAsync(scope, second.Id);
        Assert.Equal(second.Address, await PayToAsync(scope));

        await Wallets.RemoveAsync(scope, second.Id);
        Assert.Equal(first.Address, await PayToAsync(scope));
        var removed = await Orders.CreateAsync(scope, new CreateOrderRequest(1m, null, WalletId: second.Id));
        Assert.Equal("wallet", Assert.Single(removed.Errors).Field);
    }

    public void Dispose() => services.Dispose();

    private async Task<string> PayToAsync(MerchantScope scope)
    {
        var created = await Orders.CreateAsync(scope, new CreateOrderRequest(1m, null));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        return created.Value!.PayTo;
    }
}
