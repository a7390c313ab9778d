using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Credits;

/// <summary>
/// Free sandbox credits exist in test mode only, checked where the credits are written, not by the page that asks:
/// a page left on the refill button after a switch to live mode (or a crafted circuit message) cannot mint live credits.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class SandboxCreditsTests(FluxAppFactory app)
{
    private CreditService Credits => app.Services.GetRequiredService<CreditService>();

    [Fact]
    public async Task A_refill_adds_sandbox_credits_in_test_mode()
    {
        var test = new MerchantScope(await app.CreateMerchantAsync($"refill-{Guid.NewGuid():N}@shop.test"), Livemode: false);
        var before = await Credits.BalanceAsync(test);

        Assert.True(await Credits.RefillSandboxAsync(test));

        Assert.Equal(before + CreditBook.SandboxRefillCredits, await Credits.BalanceAsync(test));
    }

    [Fact]
    public async Task A_refill_asked_for_a_live_scope_writes_nothing()
    {
        var live = new MerchantScope(await app.CreateMerchantAsync($"refill-live-{Guid.NewGuid():N}@shop.test"), Livemode: true);

        Assert.False(await Credits.RefillSandboxAsync(live));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Credits.AddAsync(live, 100, CreditReason.SandboxRefill, "crafted"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Credits.AddAsync(live, 100, CreditReason.SandboxStart, "crafted"));

        Assert.Equal(0, await Credits.BalanceAsync(live));
        Assert.Empty(await app.LedgerAsync(live, CreditReason.SandboxRefill));
    }
}
