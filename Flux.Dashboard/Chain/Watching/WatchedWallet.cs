namespace Flux.Dashboard.Chain.Watching;

/// <summary>A wallet whose incoming Pi the watcher hands to the payment sink, with its own catch-up cursor.</summary>
public sealed class WatchedWallet
{
    public required string Network { get; init; }
    public required string Address { get; init; }

    /// <summary>Paging token of the last payment of this wallet that catch-up handled; null = from the beginning.</summary>
    public string? CatchUpCursor { get; set; }

    public DateTimeOffset WatchedSince { get; init; }
}
