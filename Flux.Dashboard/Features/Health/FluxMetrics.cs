using System.Data.Common;
using System.Diagnostics.Metrics;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Data.Leases;
using Flux.Dashboard.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Features.Health;

/// <summary>
/// Flux's own instruments, on the meter <see cref="MeterName"/>, which <c>/metrics</c> serves beside ASP.NET Core's and
/// the runtime's (docs/scale-out.md, "Metrics"). A counter costs an interlocked add while something listens and nothing
/// otherwise; the gauges are read only when scraped.
/// </summary>
public sealed class FluxMetrics
{
    public const string MeterName = "Flux";

    private static readonly KeyValuePair<string, object?> Live = new("mode", "live");
    private static readonly KeyValuePair<string, object?> Test = new("mode", "test");

    private readonly Counter<long> confirmations;
    private readonly Counter<long> webhookFailures;

    public FluxMetrics(IMeterFactory meters, IDbContextFactory<FluxDbContext> dbFactory, ILeases leases, WatcherLag lag, IOptions<ChainOptions> chain)
    {
        var meter = meters.Create(MeterName);
        var networks = chain.Value.Networks.Where(n => n.Value.Enabled).Select(n => n.Key).ToList();
        confirmations = meter.CreateCounter<long>("flux.orders.confirmed", "{order}",
            "Orders confirmed, each counted once across the instances: by the one that dispatched its order.confirmed event");
        webhookFailures = meter.CreateCounter<long>("flux.webhooks.failed_attempts", "{attempt}",
            "Webhook delivery attempts that got no 2xx answer (each is retried on the schedule)");
        meter.CreateObservableGauge("flux.outbox.backlog", () => Undispatched(dbFactory), "{event}",
            "Events committed but not yet dispatched to webhooks, mails and live listeners, on every instance's database");
        meter.CreateObservableGauge("flux.lease.held", () => Held(leases, networks), "{lease}",
            "1 for each lease this instance holds, 0 for a network's watcher lease it does not hold");
        meter.CreateObservableGauge("flux.watcher.lag", () => Lags(leases, lag, networks), "s",
            "How far behind the ledger this instance's watcher was when it last took payments: then less the ledger close time of the last one");
    }

    public void Confirmed(bool livemode) => confirmations.Add(1, livemode ? Live : Test);

    public void WebhookAttemptFailed() => webhookFailures.Add(1);

    /// <summary>A count over the dispatcher's own partial index of undispatched events: a few rows, read at each scrape.</summary>
    private static IEnumerable<Measurement<long>> Undispatched(IDbContextFactory<FluxDbContext> dbFactory)
    {
        try
        {
            using var db = dbFactory.CreateDbContext();
            return [new(db.Set<OutboxEvent>().LongCount(e => e.DispatchedAt == null))];
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            // The database is down: /readyz says so; the scrape goes on without this gauge.
            return [];
        }
    }

    private static IEnumerable<Measurement<int>> Held(ILeases leases, IReadOnlyList<string> networks)
    {
        var held = leases.Held;
        return networks.Select(PaymentWatcher.LeaseName).Union(held)
            .Select(name => new Measurement<int>(held.Contains(name) ? 1 : 0, new KeyValuePair<string, object?>("lease", name)));
    }

    /// <summary>Only for the networks this instance watches now: another instance's lag is its own to report.</summary>
    private static IEnumerable<Measurement<double>> Lags(ILeases leases, WatcherLag lag, IReadOnlyList<string> networks)
    {
        var held = leases.Held;
        foreach (var network in networks)
        {
            if (held.Contains(PaymentWatcher.LeaseName(network)) && lag.Of(network) is { } seconds)
                yield return new(seconds, new KeyValuePair<string, object?>("network", network));
        }
    }
}
