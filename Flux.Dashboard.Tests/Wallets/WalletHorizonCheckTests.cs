using Flux.Dashboard.Common;
using System.Collections.Concurrent;
using System.Net;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Horizon;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Flux.Dashboard.Tests.Wallets;

/// <summary>
/// The account-existence check on each mode's Horizon, in an app of its own whose networks are rewired: live mode's
/// "Pi mainnet" is this app's own sandbox ledger (so the live rules run offline against accounts the test funds), and
/// test mode's sandbox Horizon is a port nobody listens on (an outage).
/// </summary>
public sealed class WalletHorizonCheckTests(WalletHorizonCheckTests.RewiredApp fixture)
    : IClassFixture<WalletHorizonCheckTests.RewiredApp>, IDisposable
{
    private const string PiMainnet = ChainNetworkNames.PiMainnet;

    private readonly FluxAppFactory app = fixture.App;
    private readonly IServiceScope services = fixture.App.Services.CreateScope();

    private WalletService Wallets => services.ServiceProvider.GetRequiredService<WalletService>();
    private WatchedWallets Watched => app.Services.GetRequiredService<WatchedWallets>();

    public void Dispose() => services.Dispose();

    public sealed class RewiredApp : IDisposable
    {
        public FluxAppFactory App { get; } = FluxAppFactory.Start(null, new Dictionary<string, string?>
            {
                [$"Flux:Chain:Networks:{PiMainnet}:HorizonUrl"] = "/sandbox/horizon",
                [$"Flux:Chain:Networks:{ChainNetworkNames.Sandbox}:HorizonUrl"] = "http://127.0.0.1:9/",
            },
            services =>
            {
                // Keep outages quick to find: the standard handler would otherwise retry for about 15 seconds.
                services.PostConfigureAll<HttpStandardResilienceOptions>(o => o.Retry.Delay = TimeSpan.FromMilliseconds(10));
                services.AddHttpClient(HorizonClientFactory.ApiHttpClientName).AddHttpMessageHandler(() => new PaymentsOutage(PaymentsDown));
            });

        /// <summary>Accounts whose payments Horizon fails to list, though it finds the account itself.</summary>
        public static ConcurrentDictionary<string, bool> PaymentsDown { get; } = new();

        public void Dispose() => App.Dispose();
    }

    private sealed class PaymentsOutage(ConcurrentDictionary<string, bool> accounts) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            accounts.Keys.Any(a => request.RequestUri!.AbsolutePath.EndsWith($"/accounts/{a}/payments", StringComparison.Ordinal))
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable))
                : base.SendAsync(request, cancellationToken);
    }

    [Fact]
    public async Task Live_wallet_that_does_not_exist_on_Pi_mainnet_is_refused_and_nothing_is_written()
    {
        var merchant = await app.NewMerchantAsync(livemode: true);
        var address = TestAddresses.Random();

        var result = await Wallets.AddAsync(merchant, address, "Till");

        Assert.Equal("This account does not exist on Pi mainnet yet — it must be funded before it can receive payments.",
            result.ErrorFor(WalletFields.Address));
        Assert.Empty(await app.StoredWalletsAsync(merchant.MerchantId));
        Assert.False(Watched.IsWatched(PiMainnet, address));
    }

    [Fact]
    public async Task Live_wallet_that_exists_on_Pi_mainnet_is_added_and_watched_there()
    {
        var merchant = await app.NewMerchantAsync(livemode: true);
        var address = await app.FundedSandboxAddressAsync();

        var result = await Wallets.AddAsync(merchant, address, "Till");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(PiMainnet, result.Value!.Network);
        Assert.True(result.Value.Livemode);
        Assert.True(result.Value.IsDefault);
        Assert.True(Watched.IsWatched(PiMainnet, address));
    }

    /// <summary>
    /// <c>POST /v1/wallets</c> runs the same check: a live wallet must exist on Pi mainnet; and when Flux cannot watch one,
    /// nothing of the attempt is kept — not the wallet, not the default it was to take, not the answer under its
    /// Idempotency-Key, so the same request succeeds once Horizon answers.
    /// </summary>
    [Fact]
    public async Task Over_the_api_a_live_wallet_is_checked_on_Pi_mainnet_and_one_that_cannot_be_watched_keeps_nothing()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.LiveKey);
        var till = await app.FundedSandboxAddressAsync();
        var unwatchable = await app.FundedSandboxAddressAsync();
        RewiredApp.PaymentsDown[unwatchable] = true;
        var key = Guid.NewGuid().ToString();

        using var refused = await client.PostJsonAsync("/v1/wallets", $$"""{"address": "{{TestAddresses.Random()}}"}""");
        using var added = await client.PostJsonAsync("/v1/wallets", $$"""{"address": "{{till}}"}""");
        using var failed = await client.PostAsync("/v1/wallets", Keyed($$"""{"address": "{{unwatchable}}", "default": true}""", key));
        var afterFailure = await (await client.GetAsync("/v1/wallets")).JsonAsync();
        RewiredApp.PaymentsDown.TryRemove(unwatchable, out _);
        using var retried = await client.PostAsync("/v1/wallets", Keyed($$"""{"address": "{{unwatchable}}", "default": true}""", key));

        Assert.Contains("does not exist on Pi mainnet", (await refused.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "address")).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(PiMainnet, (await added.JsonAsync()).GetProperty("network").GetString());
        Assert.Contains("could not reach", (await failed.AssertApiErrorAsync(HttpStatusCode.InternalServerError, "api_error")).GetProperty("message").GetString());
        var kept = Assert.Single(afterFailure.GetProperty("data").EnumerateArray());
        Assert.Equal(till, kept.GetProperty("address").GetString());
        Assert.True(kept.GetProperty("default").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));
        Assert.True((await retried.JsonAsync()).GetProperty("default").GetBoolean());
        Assert.True(Watched.IsWatched(PiMainnet, unwatchable));
    }

    private static StringContent Keyed(string json, string idempotencyKey)
    {
        var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        content.Headers.Add("Idempotency-Key", idempotencyKey);
        return content;
    }

    [Fact]
    public async Task Unreachable_Horizon_is_a_form_error_and_nothing_is_written()
    {
        var merchant = await app.NewMerchantAsync();
        var address = TestAddresses.Random();

        var result = await Wallets.AddAsync(merchant, address, "Till");

        Assert.False(result.Succeeded);
        Assert.Equal(ServiceFailure.Unavailable, result.Failure);
        Assert.Equal("Flux could not reach Sandbox's Horizon server to check this wallet, so nothing was saved. Try again in a minute.", result.Error?.Message);
        Assert.Empty(await app.StoredWalletsAsync(merchant.MerchantId));
        Assert.False(Watched.IsWatched(ChainNetworkNames.Sandbox, address));
    }

    [Fact]
    public async Task Wallet_that_cannot_be_watched_is_not_saved()
    {
        var merchant = await app.NewMerchantAsync(livemode: true);
        var address = await app.FundedSandboxAddressAsync();
        RewiredApp.PaymentsDown[address] = true;

        var result = await Wallets.AddAsync(merchant, address, "Till");

        Assert.Equal("Flux could not reach Pi mainnet's Horizon server to check this wallet, so nothing was saved. Try again in a minute.", result.Error?.Message);
        Assert.Empty(await app.StoredWalletsAsync(merchant.MerchantId));
        Assert.False(Watched.IsWatched(PiMainnet, address));
    }

    [Fact]
    public async Task Removed_wallet_that_cannot_be_watched_again_stays_removed_as_it_was()
    {
        var merchant = await app.NewMerchantAsync(livemode: true);
        var other = (await Wallets.AddAsync(merchant, await app.FundedSandboxAddressAsync(), "Web shop")).Value!;
        var address = await app.FundedSandboxAddressAsync();
        var wallet = (await Wallets.AddAsync(merchant, address, "Till")).Value!;
        await Wallets.RemoveAsync(merchant, wallet.Id);
        var before = Assert.Single(await app.StoredWalletsAsync(merchant.MerchantId), w => w.Id == wallet.Id);
        RewiredApp.PaymentsDown[address] = true;

        var result = await Wallets.AddAsync(merchant, address, "Renamed");

        Assert.Equal(ServiceFailure.Unavailable, result.Failure);
        var after = await app.StoredWalletsAsync(merchant.MerchantId);
        Assert.Equivalent(before, Assert.Single(after, w => w.Id == wallet.Id));
        Assert.Equal(other.Id, Assert.Single(after, w => w.IsDefault).Id);
        Assert.False(Watched.IsWatched(PiMainnet, address));
    }

    /// <summary>An account that exists on the ledger standing in for Pi mainnet: it has received a payment.</summary>
}
