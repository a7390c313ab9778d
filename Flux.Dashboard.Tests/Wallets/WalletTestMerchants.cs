using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Wallets;

/// <summary>Fresh merchants and a look at the wallet rows as stored, for the wallet tests.</summary>
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
}
