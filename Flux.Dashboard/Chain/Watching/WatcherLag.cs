using System.Collections.Concurrent;

namespace Flux.Dashboard.Chain.Watching;

/// <summary>
/// How far behind the ledger each network's watcher was when it last handed payments over: the time then less the
/// ledger close time of the batch's last payment. Seconds while it follows the stream live; minutes or more while it
/// works through a backlog (after a takeover, a restart or a Horizon outage). Read by <c>/metrics</c>.
/// </summary>
public sealed class WatcherLag(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, double> seconds = new(StringComparer.Ordinal);

    public void Took(string network, DateTimeOffset lastClosedAt) =>
        seconds[network] = Math.Max(0, (clock.GetUtcNow() - lastClosedAt).TotalSeconds);

    /// <summary>The network's lag in seconds, or null before its watcher took a payment in this process.</summary>
    public double? Of(string network) => seconds.TryGetValue(network, out var lag) ? lag : null;
}
