using System.Net;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Horizon;
using Flux.Dashboard.Tests.Chain.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Chain.Horizon;

/// <summary>HorizonClient as AddChain registers it: resilience pipeline and per-network base URLs.</summary>
public sealed class HorizonResilienceTests : IDisposable
{
    private const string Account = "GDA2KZG7UB3C3KU4RYRGCQI6JPV2I2FYBWT434MQHPE36FH7CWGVR5X3";

    private readonly StubHorizonHandler _horizon = new();
    private readonly ServiceProvider _services;
    private readonly HorizonClientFactory _factory;

    public HorizonResilienceTests()
    {
        var services = new ServiceCollection().AddLogging().AddChain(new ConfigurationBuilder().Build());
        services.AddHttpClient(HorizonClientFactory.ApiHttpClientName).ConfigurePrimaryHttpMessageHandler(() => _horizon);
        services.AddHttpClient(HorizonClientFactory.StreamHttpClientName).ConfigurePrimaryHttpMessageHandler(() => _horizon);
        _services = services.BuildServiceProvider();
        _factory = _services.GetRequiredService<HorizonClientFactory>();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_Retry_After_delay()
    {
        _horizon.RespondStatus(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(2));
        _horizon.RespondJson(HorizonFixtures.Read("account.json"));

        var lookup = await _factory.ForNetwork(ChainNetworkNames.PiMainnet).GetAccountAsync(Account);

        Assert.IsType<AccountLookup.Found>(lookup);
        var requests = _horizon.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(1.9), $"retried after {requests[1].At - requests[0].At}");
    }

    [Fact]
    public async Task Service_unavailable_is_retried()
    {
        _horizon.RespondStatus(HttpStatusCode.ServiceUnavailable);
        _horizon.RespondJson(HorizonFixtures.Read("account.json"));

        var lookup = await _factory.ForNetwork(ChainNetworkNames.PiMainnet).GetAccountAsync(Account);

        Assert.IsType<AccountLookup.Found>(lookup);
        Assert.Equal(2, _horizon.Requests.Count);
    }

    [Fact]
    public async Task Not_found_is_not_retried()
    {
        _horizon.RespondStatus(HttpStatusCode.NotFound);

        var lookup = await _factory.ForNetwork(ChainNetworkNames.PiMainnet).GetAccountAsync(Account);

        Assert.IsType<AccountLookup.NotFound>(lookup);
        Assert.Single(_horizon.Requests);
    }

    [Fact]
    public async Task Each_network_is_asked_at_its_own_Horizon_url()
    {
        _horizon.RespondJson(HorizonFixtures.Read("account.json"));
        _horizon.RespondJson(HorizonFixtures.Read("account.json"));

        await _factory.ForNetwork(ChainNetworkNames.PiTestnet).GetAccountAsync(Account);
        await _factory.ForNetwork(ChainNetworkNames.Sandbox, new Uri("http://127.0.0.1:5123/")).GetAccountAsync(Account);

        Assert.Equal(
            [$"https://api.testnet.minepi.com/accounts/{Account}", $"http://127.0.0.1:5123/sandbox/horizon/accounts/{Account}"],
            _horizon.Requests.Select(r => r.Uri.AbsoluteUri));
    }

    [Fact]
    public void Sandbox_client_needs_the_app_base_url()
    {
        Assert.Throws<InvalidOperationException>(() => _factory.ForNetwork(ChainNetworkNames.Sandbox));
    }
}
