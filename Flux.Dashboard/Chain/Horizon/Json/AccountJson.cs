namespace Flux.Dashboard.Chain.Horizon.Json;

/// <summary>The part of Horizon's <c>/accounts/{id}</c> response Flux reads.</summary>
internal sealed class AccountJson
{
    public string? AccountId { get; set; }
    public List<BalanceJson>? Balances { get; set; }
}

internal sealed class BalanceJson
{
    public string? AssetType { get; set; }
    public string? Balance { get; set; }
}
