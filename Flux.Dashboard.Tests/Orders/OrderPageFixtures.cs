using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Orders;

/// <summary>
/// What the Orders pages' tests need besides <see cref="OrderFixtures"/>: merchants known by email (to sign in), wallets in
/// either mode, watched wallets (as the wallets feature registers them), and orders written directly with chosen times.
/// </summary>
internal static class OrderPageFixtures
{
    public static async Task<Wallet> AddWalletAsync(this FluxAppFactory app, MerchantScope scope, string? label = null, bool isDefault = true)
    {
        var wallet = new Wallet
        {
            Id = PublicId.New("wal"), MerchantId = scope.MerchantId, Livemode = scope.Livemode, Network = scope.Network,
            Address = TestAddresses.Random(), Label = label, IsDefault = isDefault, CreatedAt = DateTimeOffset.UtcNow,
        };
        await using var db = await app.DbAsync();
        db.Add(wallet);
        await db.SaveChangesAsync();
        // Written past WalletService, so its cache of active wallets is told here.
        await app.Services.GetRequiredService<ActiveWallets>().InvalidateAsync();
        return wallet;
    }

    /// <summary>A test-mode merchant whose default wallet the watcher follows, so simulated payments take the real path.</summary>
    public static async Task<(MerchantScope Scope, Wallet Wallet)> NewTestMerchantWithWatchedWalletAsync(this FluxAppFactory app)
    {
        var (scope, wallet) = await app.NewMerchantWithWalletAsync(livemode: false);
        await app.Services.GetRequiredService<WatchedWallets>().WatchAsync(scope.Network, wallet.Address);
        return (scope, wallet);
    }

    public static async Task<Order> InsertOrderAsync(this FluxAppFactory app, MerchantScope scope, Wallet wallet, DateTimeOffset createdAt,
        decimal amount = 10m, string? description = null, OrderStatus status = OrderStatus.PendingConfirmation, string? transactionHash = null)
    {
        var order = new Order
        {
            Id = PublicId.New("ord"), MerchantId = scope.MerchantId, Livemode = scope.Livemode, WalletId = wallet.Id,
            Network = wallet.Network, PayTo = wallet.Address, Amount = amount, Description = description, Status = status,
            CreatedAt = createdAt, ExpiresAt = createdAt + OrderRules.DefaultLifetime, TransactionHash = transactionHash,
        };
        await using var db = await app.DbAsync();
        db.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    public static async Task<Order> WaitForStatusAsync(this FluxAppFactory app, MerchantScope scope, string orderId, OrderStatus status, TimeSpan timeout)
    {
        var orders = app.Services.GetRequiredService<OrderService>();
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var order = await orders.GetAsync(scope, orderId);
            if (order is null || order.Status == status || deadline.IsCancellationRequested)
                return order ?? throw new InvalidOperationException($"Order {orderId} is not in scope.");
            await Task.Delay(20);
        }
    }

    public static Task<FluxDbContext> DbAsync(this FluxAppFactory app) =>
        app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
}
