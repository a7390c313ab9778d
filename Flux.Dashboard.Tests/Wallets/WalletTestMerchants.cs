using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Wallets;

/// <summary>Fresh merchants, addresses that exist on the sandbox ledger and a look at the wallet rows as stored, for the wallet tests.</summary>
internal static class WalletTestMerchants
{
    public static async Task<MerchantScope> NewMerchantAsync(this FluxAppFactory app, bool livemode = false)
    {
        var merchantId = await app.CreateMerchantAsync($"wallets-{Guid.NewGuid():N}@flux.test");
        return new MerchantScope(merchantId, livemode);
    }

    /// <summary>Every wallet row of the merchant, in both modes, removed ones included.</summary>
    public static async Task<List<Wallet>> StoredWalletsAsync(this FluxAppFactory app, string merchantId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        return await db.Set<Wallet>().AsNoTracking().Where(w => w.MerchantId == merchantId).ToListAsync();
    }

    /// <summary>A new address that exists on the app's sandbox ledger (funded with 5 Pi), as a wallet must.</summary>
    public static async Task<string> FundedSandboxAddressAsync(this FluxAppFactory app)
    {
        var address = TestAddresses.Random();
        var funded = await app.Services.GetRequiredService<SandboxLedger>().SimulatePaymentAsync(new(SandboxTestWallet.Address, address, 5m, null));
        Assert.True(funded.Succeeded, funded.Error);
        return address;
    }
}
