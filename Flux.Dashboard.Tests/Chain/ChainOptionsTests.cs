using Flux.Dashboard.Chain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Tests.Chain;

public class ChainOptionsTests
{
    [Fact]
    public void Defaults_are_the_three_networks_of_the_design()
    {
        var networks = Resolve([]).Networks;

        Assert.Equal(["pi-mainnet", "pi-testnet", "sandbox"], networks.Keys.Order());
        Assert.Equal(("https://api.mainnet.minepi.com", "Pi Network"), (networks["pi-mainnet"].HorizonUrl, networks["pi-mainnet"].Passphrase));
        Assert.Equal(("https://api.testnet.minepi.com", "Pi Testnet"), (networks["pi-testnet"].HorizonUrl, networks["pi-testnet"].Passphrase));
        Assert.Equal(("/sandbox/horizon", "Flux Sandbox"), (networks["sandbox"].HorizonUrl, networks["sandbox"].Passphrase));
        Assert.All(networks.Values, n => Assert.True(n.Enabled));
    }

    [Fact]
    public void Configuration_overrides_single_values_and_adds_networks()
    {
        var options = Resolve(new()
        {
            ["Flux:Chain:Networks:pi-testnet:HorizonUrl"] = "https://api.testnet2.minepi.com",
            ["Flux:Chain:Networks:pi-testnet:Passphrase"] = "Pi Testnet 5-2024",
            ["Flux:Chain:Networks:pi-mainnet:Enabled"] = "false",
            ["Flux:Chain:Networks:local:HorizonUrl"] = "http://127.0.0.1:8000",
            ["Flux:Chain:Networks:local:Passphrase"] = "Standalone Network ; February 2017",
        });

        Assert.Equal("https://api.testnet2.minepi.com", options.GetNetwork("pi-testnet").HorizonUrl);
        Assert.Equal("Pi Testnet 5-2024", options.GetNetwork("pi-testnet").Passphrase);
        Assert.Equal("https://blockexplorer.minepi.com/testnet/transactions/{hash}", options.GetNetwork("pi-testnet").ExplorerTransactionUrl);
        Assert.False(options.GetNetwork("pi-mainnet").Enabled);
        Assert.Equal("https://api.mainnet.minepi.com", options.GetNetwork("pi-mainnet").HorizonUrl);
        Assert.Equal("http://127.0.0.1:8000", options.GetNetwork("local").HorizonUrl);
    }

    [Theory]
    [InlineData("HorizonUrl", "not a url", "HorizonUrl")]
    [InlineData("HorizonUrl", "ftp://horizon.example", "HorizonUrl")]
    [InlineData("HorizonUrl", "//horizon.example", "HorizonUrl")]
    [InlineData("Passphrase", " ", "Passphrase")]
    [InlineData("ExplorerTransactionUrl", "https://explorer.example/tx/", "{hash}")]
    public void Invalid_network_fails_validation_at_start_up(string key, string value, string expected)
    {
        using var services = Services(new() { [$"Flux:Chain:Networks:pi-mainnet:{key}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message);
        Assert.Contains("Flux:Chain:Networks:pi-mainnet", error.Message);
    }

    [Fact]
    public void Defaults_pass_validation_at_start_up()
    {
        using var services = Services([]);

        services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Relative_sandbox_url_resolves_against_the_app_base_url_and_its_path_base()
    {
        var sandbox = Resolve([]).GetNetwork(ChainNetworkNames.Sandbox);

        Assert.Equal("http://127.0.0.1:5123/sandbox/horizon/", sandbox.ResolveHorizonUri(new Uri("http://127.0.0.1:5123")).AbsoluteUri);
        Assert.Equal("https://pay.example/flux/sandbox/horizon/", sandbox.ResolveHorizonUri(new Uri("https://pay.example/flux/")).AbsoluteUri);
        Assert.Throws<InvalidOperationException>(() => sandbox.ResolveHorizonUri());
    }

    [Fact]
    public void Absolute_url_ignores_the_app_base_url()
    {
        var mainnet = Resolve([]).GetNetwork(ChainNetworkNames.PiMainnet);

        Assert.Equal("https://api.mainnet.minepi.com/", mainnet.ResolveHorizonUri(new Uri("http://127.0.0.1:5123")).AbsoluteUri);
    }

    [Fact]
    public void Explorer_url_puts_the_hash_into_the_template()
    {
        var mainnet = Resolve([]).GetNetwork(ChainNetworkNames.PiMainnet);

        Assert.Equal("https://blockexplorer.minepi.com/mainnet/transactions/abc123", mainnet.ExplorerUrlFor("abc123"));
        Assert.Null(new ChainNetworkOptions().ExplorerUrlFor("abc123"));
    }

    [Fact]
    public void Unknown_network_is_named_in_the_error()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Resolve([]).GetNetwork("pi-devnet"));

        Assert.Contains("pi-devnet", error.Message);
    }

    private static ChainOptions Resolve(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        return services.GetRequiredService<IOptions<ChainOptions>>().Value;
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddChain(configuration).BuildServiceProvider();
    }
}
