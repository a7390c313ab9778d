using Flux.Dashboard.Chain.Horizon;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Orders;

/// <summary>Merchants with a wallet, and payments handed to the sink exactly as the watcher hands them.</summary>
internal static class OrderFixtures
{
    private static long operationIds = 1_000_000;

    /// <summary>A new merchant in the given mode with one default wallet (written directly: no Horizon involved).</summary>
    public static async Task<(MerchantScope Scope, Wallet Wallet)> NewMerchantWithWalletAsync(this FluxAppFactory app, bool livemode)
    {
        var scope = new MerchantScope(await app.CreateMerchantAsync($"orders-{Guid.NewGuid():N}@shop.test"), livemode);
        return (scope, await app.AddWalletAsync(scope));
    }

    public static ObservedPayment PaymentFor(Order order, decimal amount, string? memo = null, DateTimeOffset? at = null) =>
        Payment(order.Network, order.PayTo, amount, memo ?? order.Id, at);

    /// <summary>A native payment of <paramref name="amount"/> into <paramref name="wallet"/> with a text memo.</summary>
    public static ObservedPayment Payment(string network, string wallet, decimal amount, string memo, DateTimeOffset? at = null)
    {
        var id = Interlocked.Increment(ref operationIds).ToString();
        return new ObservedPayment(network, wallet, new PaymentRecord
        {
            Id = id,
            PagingToken = id,
            Type = PaymentTypes.Payment,
            TransactionHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
            TransactionSuccessful = true,
            CreatedAt = at ?? DateTimeOffset.UtcNow,
            From = TestAddresses.Random(),
            To = wallet,
            AssetType = "native",
            Amount = amount,
            IsTransactionJoined = true,
            MemoType = "text",
            Memo = memo,
        });
    }

    public static async Task<Order> ReloadAsync(this FluxAppFactory app, Order order)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        return await db.Set<Order>().AsNoTracking().SingleAsync(o => o.Id == order.Id);
    }
}
