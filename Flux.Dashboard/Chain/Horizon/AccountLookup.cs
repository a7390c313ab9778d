namespace Flux.Dashboard.Chain.Horizon;

/// <summary>An account either exists on the network (<see cref="Found"/>) or does not (<see cref="NotFound"/>, Horizon's 404).</summary>
public abstract record AccountLookup
{
    private AccountLookup()
    {
    }

    public sealed record Found(HorizonAccount Account) : AccountLookup;

    public sealed record NotFound(string AccountId) : AccountLookup;
}
