namespace Flux.Dashboard.Chain;

/// <summary>Bound from <c>Flux:Chain</c>. Configuration adds networks or overrides single values of the defaults.</summary>
public sealed class ChainOptions
{
    public const string SectionName = "Flux:Chain";

    /// <summary>
    /// Follow each network's payments live over Server-Sent Events. When false (say, behind a proxy that breaks
    /// event streams) payments are found only by the every-minute per-wallet catch-up.
    /// </summary>
    public bool StreamPayments { get; set; } = true;

    public Dictionary<string, ChainNetworkOptions> Networks { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [ChainNetworkNames.PiMainnet] = new()
        {
            HorizonUrl = "https://api.mainnet.minepi.com",
            Passphrase = "Pi Network",
            ExplorerTransactionUrl = "https://blockexplorer.minepi.com/mainnet/transactions/{hash}",
        },
        [ChainNetworkNames.PiTestnet] = new()
        {
            HorizonUrl = "https://api.testnet.minepi.com",
            Passphrase = "Pi Testnet",
            ExplorerTransactionUrl = "https://blockexplorer.minepi.com/testnet/transactions/{hash}",
        },
        [ChainNetworkNames.Sandbox] = new()
        {
            HorizonUrl = "/sandbox/horizon",
            Passphrase = "Flux Sandbox",
            ExplorerTransactionUrl = "/sandbox/horizon/transactions/{hash}",
        },
    };

    /// <exception cref="KeyNotFoundException">No network of that name is configured.</exception>
    public ChainNetworkOptions GetNetwork(string name) =>
        Networks.TryGetValue(name, out var network)
            ? network
            : throw new KeyNotFoundException($"No Horizon network '{name}' under {SectionName}:Networks.");
}
