using System.Net;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Credits;

[Collection(FluxAppCollection.Name)]
public sealed class CreditsPageTests(FluxAppFactory app)
{
    [Fact]
    public async Task Live_mode_without_a_mainnet_treasury_shows_buying_as_unavailable_not_an_error()
    {
        using var client = await app.SignedInClientAsync($"no-treasury-{Guid.NewGuid():N}@shop.test");

        using var response = await client.GetAsync("/credits");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"buying-unavailable\"", html);
        Assert.Contains("Buying credits is not available on Pi mainnet yet", html);
        Assert.DoesNotContain("data-testid=\"buy-100\"", html);
    }

    [Fact]
    public async Task Test_mode_lists_the_packs_with_price_per_credit_and_saving()
    {
        var email = $"packs-{Guid.NewGuid():N}@shop.test";
        using var client = await app.SignedInClientAsync(email);
        await SetTestModeAsync(email);

        var html = await client.GetStringAsync("/credits");

        Assert.Contains("data-testid=\"buy-10000\"", html);
        Assert.Contains("0.06 Pi per credit", html);
        Assert.Contains("Save 40%", html);
    }

    [Fact]
    public async Task Ledger_export_holds_the_filtered_lines_of_the_dashboards_mode_only()
    {
        var email = $"ledger-{Guid.NewGuid():N}@shop.test";
        using var client = await app.SignedInClientAsync(email);
        var merchantId = await app.CreateMerchantAsync(email);
        var credits = app.Services.GetRequiredService<CreditService>();
        await credits.AddAsync(new MerchantScope(merchantId, Livemode: true), 7, CreditReason.Grant, "=cmd|live grant");
        await credits.AddAsync(new MerchantScope(merchantId, Livemode: false), 9, CreditReason.SandboxRefill, "test refill");

        var grants = await client.GetStringAsync(LedgerExportEndpoint.Path + new LedgerFilter(CreditReason.Grant).ToQueryString());
        var refills = await client.GetStringAsync(LedgerExportEndpoint.Path + new LedgerFilter(CreditReason.SandboxRefill).ToQueryString());
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var future = await client.GetStringAsync(LedgerExportEndpoint.Path + new LedgerFilter(From: tomorrow).ToQueryString());
        using var bad = await client.GetAsync(LedgerExportEndpoint.Path + "?kind=refund");

        var rows = grants.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(LedgerCsv.Header, rows[0]);
        var row = Assert.Single(rows[1..]);
        Assert.EndsWith(",grant,7,7,,,'=cmd|live grant", row);
        Assert.Equal(LedgerCsv.Header, Assert.Single(refills.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)));
        Assert.Single(future.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Overview_forecasts_how_long_the_credits_last_at_the_last_14_days_rate()
    {
        var email = $"forecast-{Guid.NewGuid():N}@shop.test";
        using var client = await app.SignedInClientAsync(email);
        var live = new MerchantScope(await app.CreateMerchantAsync(email), Livemode: true);
        var before = await client.GetStringAsync("/");
        await app.Services.GetRequiredService<CreditService>().AddAsync(live, 28, CreditReason.Grant, null);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<Flux.Dashboard.Data.FluxDbContext>>().CreateDbContextAsync())
        {
            var book = new CreditBook(db, TimeProvider.System);
            for (var i = 0; i < 14; i++)
                Assert.True(await book.TrySpendAsync(live.MerchantId, live.Livemode, $"ord_forecast{Guid.NewGuid():N}", CancellationToken.None));
            await db.SaveChangesAsync();
        }

        var after = await client.GetStringAsync("/");

        Assert.Contains("No credits used in the last 14 days, so there is no rate to forecast from.", before);
        Assert.Contains("At the last 14 days&#x27; rate (1 a day), your credits last about 14 days.", after);
    }

    private async Task SetTestModeAsync(string email)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<Flux.Dashboard.Data.FluxDbContext>>().CreateDbContextAsync();
        await db.Users.Where(m => m.Email == email).ExecuteUpdateAsync(s => s.SetProperty(m => m.TestMode, true));
    }
}
