namespace Flux.Dashboard.Chain;

/// <summary>The keys of the networks Flux knows by default under <c>Flux:Chain:Networks</c>.</summary>
public static class ChainNetworkNames
{
    public const string PiMainnet = "pi-mainnet";
    public const string PiTestnet = "pi-testnet";
    public const string Sandbox = "sandbox";
}
