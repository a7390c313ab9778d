using System.Collections.Concurrent;
using System.Net;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Horizon;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Wallets;
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

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(PiMainnet, result.Wallet!.Network);
        Assert.True(result.Wallet.Livemode);
        Assert.True(result.Wallet.IsDefault);
        Assert.True(Watched.IsWatched(PiMainnet, address));
    }

    [Fact]
    public async Task Unreachable_Horizon_is_a_form_error_and_nothing_is_written()
    {
        var merchant = await app.NewMerchantAsync();
        var address = TestAddresses.Random();

        var result = await Wallets.AddAsync(merchant, address, "Till");

        Assert.False(result.Succeeded);
        Assert.Empty(result.FieldErrors);
        Assert.Equal("Flux could not reach Sandbox's Horizon server to check this wallet, so nothing was saved. Try again in a minute.", result.Error);
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

        Assert.Equal("Flux could not reach Pi mainnet's Horizon server to check this wallet, so nothing was saved. Try again in a minute.", result.Error);
        Assert.Empty(await app.StoredWalletsAsync(merchant.MerchantId));
        Assert.False(Watched.IsWatched(PiMainnet, address));
    }

    [Fact]
    public async Task Removed_wallet_that_cannot_be_watched_again_stays_removed_as_it_was()
    {
        var merchant = await app.NewMerchantAsync(livemode: true);
        var other = (await Wallets.AddAsync(merchant, await app.FundedSandboxAddressAsync(), "Web shop")).Wallet!;
        var address = await app.FundedSandboxAddressAsync();
        var wallet = (await Wallets.AddAsync(merchant, address, "Till")).Wallet!;
        await Wallets.RemoveAsync(merchant, wallet.Id);
        var before = Assert.Single(await app.StoredWalletsAsync(merchant.MerchantId), w => w.Id == wallet.Id);
        RewiredApp.PaymentsDown[address] = true;

        var result = await Wallets.AddAsync(merchant, address, "Renamed");

        Assert.NotNull(result.Error);
        var after = await app.StoredWalletsAsync(merchant.MerchantId);
        Assert.Equivalent(before, Assert.Single(after, w => w.Id == wallet.Id));
        Assert.Equal(other.Id, Assert.Single(after, w => w.IsDefault).Id);
        Assert.False(Watched.IsWatched(PiMainnet, address));
    }

    /// <summary>An account that exists on the ledger standing in for Pi mainnet: it has received a payment.</summary>
}
