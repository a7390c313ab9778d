using System.Net;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Api;

[Collection(FluxAppCollection.Name)]
public sealed class CreditsLedgerApiTests(FluxAppFactory app)
{
    [Fact]
    public async Task Ledger_pages_newest_first_in_the_keys_mode_only()
    {
        var merchant = await app.NewApiMerchantAsync();
        var credits = app.Services.GetRequiredService<CreditService>();
        for (var i = 1; i <= 3; i++)
            await credits.AddAsync(merchant.TestScope, i, CreditReason.SandboxRefill, $"refill {i}");
        using var client = app.ApiClient(merchant.TestKey);

        var first = await (await client.GetAsync("/v1/credits/ledger?limit=2")).JsonAsync();
        var after = first.GetProperty("data")[1].GetProperty("id").GetString();
        var second = await (await client.GetAsync($"/v1/credits/ledger?limit=2&starting_after={after}")).JsonAsync();
        var live = await (await app.ApiClient(merchant.LiveKey).GetAsync("/v1/credits/ledger")).JsonAsync();

        Assert.Equal("list", first.GetProperty("object").GetString());
        Assert.Equal([3, 2], first.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("delta").GetInt32()));
        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.Equal([1, CreditBook.SandboxStartingCredits], second.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("delta").GetInt32()));
        Assert.False(second.GetProperty("has_more").GetBoolean());
        Assert.Equal("sandbox_start", second.GetProperty("data")[1].GetProperty("reason").GetString());
        Assert.Equal(106, first.GetProperty("data")[0].GetProperty("balance_after").GetInt32());
        Assert.Empty(live.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Another_merchants_ledger_entry_is_not_a_cursor()
    {
        var owner = await app.NewApiMerchantAsync();
        var stranger = await app.NewApiMerchantAsync();
        var ownerPage = await (await app.ApiClient(owner.TestKey).GetAsync("/v1/credits/ledger")).JsonAsync();
        var ownersEntry = ownerPage.GetProperty("data")[0].GetProperty("id").GetString();

        using var response = await app.ApiClient(stranger.TestKey).GetAsync($"/v1/credits/ledger?starting_after={ownersEntry}");

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "starting_after");
    }
}
