namespace Flux.Dashboard.Chain.Horizon;

/// <summary>A transaction either is on the network (<see cref="Found"/>) or is not (<see cref="NotFound"/>, Horizon's 404).</summary>
public abstract record TransactionLookup
{
    private TransactionLookup()
    {
    }

    public sealed record Found(TransactionRecord Transaction) : TransactionLookup;

    public sealed record NotFound(string Hash) : TransactionLookup;
}
