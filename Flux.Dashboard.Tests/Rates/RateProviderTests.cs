using System.Net;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Rates;

/// <summary>
/// The operator's HTTP JSON rate provider, a stub on this machine, polled by Flux's job: its rates lock fiat prices while
/// fresh, and a stale one refuses them. The stub answers on loopback, which the operator's development setting allows.
/// </summary>
public sealed class RateProviderTests(RateProviderTests.ProviderApp fixture) : IClassFixture<RateProviderTests.ProviderApp>
{
    private readonly FluxAppFactory app = fixture.App;
    private readonly RateProviderStub provider = fixture.Provider;

    public sealed class ProviderApp : IAsyncLifetime
    {
        public RateProviderStub Provider { get; private set; } = null!;

        public FluxAppFactory App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Provider = await RateProviderStub.StartAsync();
            App = FluxAppFactory.Start(null, new Dictionary<string, string?>
            {
                ["Flux:Rates:Provider:Url"] = Provider.Url + "?ids=pi-network&vs_currencies=usd,eur",
                ["Flux:Rates:Provider:Path"] = "$.pi-network.{currency}",
                ["Flux:Rates:Provider:Currencies:0"] = "USD",
                ["Flux:Rates:Provider:Currencies:1"] = "EUR",
                ["Flux:Rates:Provider:Currencies:2"] = "JPY",
            });
        }

        public async Task DisposeAsync()
        {
            App.Dispose();
            await Provider.DisposeAsync();
        }
    }

    private Task<IReadOnlyList<string>> PollAsync() =>
        app.Services.GetRequiredService<RateProviderPoll>().RunAsync(CancellationToken.None);

    [Fact]
    public async Task The_polled_rates_lock_fiat_prices_and_a_currency_the_answer_lacks_is_skipped()
    {
        provider.Answers("""{"pi-network": {"usd": 0.5, "eur": "0.4"}}""");
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);

        var polled = await PollAsync();
        using var usd = await client.PostJsonAsync("/v1/orders", """{"amount": 10, "currency": "USD"}""");
        using var eur = await client.PostJsonAsync("/v1/orders", """{"amount": 10, "currency": "EUR"}""");
        using var jpy = await client.PostJsonAsync("/v1/orders", """{"amount": 10, "currency": "JPY"}""");

        Assert.Equal(["USD", "EUR"], polled);
        var order = await usd.JsonAsync();
        Assert.Equal("20.0", order.GetProperty("amount").GetRawText());
        Assert.Equal("provider", order.GetProperty("rate").GetProperty("source").GetString());
        Assert.Equal("25.0", (await eur.JsonAsync()).GetProperty("amount").GetRawText());
        await jpy.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "currency");
    }

    [Fact]
    public async Task A_provider_rate_older_than_the_max_age_refuses_fiat_orders_unless_the_merchant_fixed_a_rate()
    {
        provider.Answers("""{"pi-network": {"usd": 0.5, "eur": 0.4}}""");
        Assert.Contains("USD", await PollAsync());
        // From now on the provider fails, so the every-minute poll cannot refresh the rate this test ages.
        provider.Answers("""{"error": "down"}""", 503);
        await AgeProviderRateAsync("USD", TimeSpan.FromMinutes(11));
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        Assert.Empty(await app.Services.GetRequiredService<FixedRates>().SetAsync(merchant.MerchantId, "EUR", 0.2m));
        using var client = app.ApiClient(merchant.TestKey);

        var failedPoll = await PollAsync();
        using var stale = await client.PostJsonAsync("/v1/orders", """{"amount": 10, "currency": "USD"}""");
        using var fixedRate = await client.PostJsonAsync("/v1/orders", """{"amount": 10, "currency": "EUR"}""");
        using var pi = await client.PostJsonAsync("/v1/orders", """{"amount": 10, "currency": "PI"}""");

        Assert.Empty(failedPoll);
        var error = await stale.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "currency");
        Assert.Contains("11 min old", error.GetProperty("message").GetString());
        var order = await fixedRate.JsonAsync();
        Assert.Equal("50.0", order.GetProperty("amount").GetRawText());
        Assert.Equal("fixed", order.GetProperty("rate").GetProperty("source").GetString());
        Assert.Equal(HttpStatusCode.Created, pi.StatusCode);
    }

    private async Task AgeProviderRateAsync(string currency, TimeSpan age)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        var rate = await db.Set<ProviderRate>().SingleAsync(r => r.Currency == currency);
        rate.FetchedAt = DateTimeOffset.UtcNow - age;
        await db.SaveChangesAsync();
    }
}

/// <summary>Without the operator's loopback setting, a provider on this machine is never asked: Flux connects to public addresses only.</summary>
public sealed class RateProviderAddressTests
{
    [Fact]
    public async Task A_provider_on_a_private_address_is_not_asked()
    {
        await using var provider = await RateProviderStub.StartAsync();
        provider.Answers("""{"usd": 0.5}""");
        using var app = FluxAppFactory.Start(null, new Dictionary<string, string?>
        {
            ["Flux:Webhooks:AllowLoopback"] = "false",
            ["Flux:Rates:Provider:Url"] = provider.Url,
            ["Flux:Rates:Provider:Path"] = "{currency}",
            ["Flux:Rates:Provider:Currencies:0"] = "USD",
        });

        var polled = await app.Services.GetRequiredService<RateProviderPoll>().RunAsync(CancellationToken.None);

        Assert.Empty(polled);
        Assert.Equal(0, provider.Requests);
    }
}
