using Flux.Dashboard.Chain;

namespace Flux.Dashboard.Features.Accounts;

/// <summary>
/// Whose data a page or request sees, and in which mode: every merchant-owned row carries both, and every query
/// filters on both (test data never mixes with live). Dashboard pages receive it as a cascading value.
/// </summary>
public sealed record MerchantScope(string MerchantId, bool Livemode)
{
    /// <summary>Live mode watches Pi mainnet; test mode the built-in sandbox ledger.</summary>
    public string Network => Livemode ? ChainNetworkNames.PiMainnet : ChainNetworkNames.Sandbox;
}
