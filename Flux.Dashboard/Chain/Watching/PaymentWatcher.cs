using Flux.Dashboard.Chain.Horizon;
using Flux.Dashboard.Data.Leases;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Chain.Watching;

/// <summary>
/// Streams every payment of each enabled network that has watched wallets, from the durable cursor, and hands the
/// ones into watched wallets to <see cref="PaymentIntake"/>, in batches of what the stream has ready (a backlog is
/// confirmed many payments per transaction). The cursor moves only after a batch is handled; a batch that fails is
/// retried with backoff, never skipped, and nothing stops the watcher but shutdown. Of several instances on one
/// database, the one holding a network's lease (<see cref="LeaseName"/>) watches it; another takes over from the durable
/// cursor when the holder dies.
/// </summary>
public sealed class PaymentWatcher(
    IOptions<ChainOptions> options,
    WatchedWallets watched,
    PaymentIntake intake,
    StreamCursors cursors,
    WatcherLag lag,
    ILeases leases,
    HorizonClientFactory horizons,
    AppBaseUri app,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<PaymentWatcher> logger) : BackgroundService
{
    /// <summary>Records that reach no watched wallet move the durable cursor at most this often (the stream replays idempotently).</summary>
    private static readonly TimeSpan SkippedCheckpointInterval = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>The most stream records one hand-over takes.</summary>
    public const int MaxBatch = 256;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The sandbox network is served by this very app: wait until it listens.
        await WhenStartedAsync(stoppingToken);
        await watched.LoadAsync(stoppingToken);
        if (!options.Value.StreamPayments)
            return;
        var networks = options.Value.Networks.Where(n => n.Value.Enabled).Select(n => n.Key);
        await Task.WhenAll(networks.Select(network => WatchNetworkAsync(network, stoppingToken)));
    }

    /// <summary>The lease under which one instance watches a network (docs/scale-out.md).</summary>
    public static string LeaseName(string network) => $"flux:watcher:{network}";

    private async Task WatchNetworkAsync(string network, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (!watched.AnyOn(network))
                    await watched.NextChangeAsync().WaitAsync(stoppingToken);
                await using var lease = await leases.AcquireAsync(LeaseName(network), stoppingToken);
                // A new holder starts from the database's watched set, whatever it heard while it waited.
                await watched.LoadAsync(stoppingToken);
                using var holding = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
                await StreamAsync(network, holding.Token);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                // Another instance may hold the lease now; this one waits for it again.
                logger.LogWarning("Payment watcher for {Network} stopped: it lost its lease", network);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Payment watcher for {Network} failed; restarting from its saved cursor", network);
                await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
            }
        }
    }

    private async Task StreamAsync(string network, CancellationToken stoppingToken)
    {
        var horizon = horizons.ForNetwork(network, app.Get());
        var saved = await cursors.LoadAsync(network, stoppingToken);
        string? pending = null;
        var lastSave = clock.GetUtcNow();
        try
        {
            var stream = horizon.FollowPaymentsAsync(null, saved, w => watched.IsWatched(network, w), stoppingToken);
            await foreach (var batch in stream.InReadyBatchesAsync(MaxBatch, stoppingToken))
            {
                var records = batch.Select(p => p.Record).OfType<PaymentRecord>().ToList();
                var handled = records.Count > 0 && await TakeWithRetryAsync(network, horizon, records, stoppingToken) > 0;
                if (records.Count > 0)
                    lag.Took(network, records[^1].CreatedAt);
                pending = batch[^1].PagingToken;
                if (handled || clock.GetUtcNow() - lastSave >= SkippedCheckpointInterval)
                {
                    await cursors.SaveAsync(network, pending, stoppingToken);
                    pending = null;
                    lastSave = clock.GetUtcNow();
                }
            }
        }
        finally
        {
            // Every record up to `pending` was handled: keep that progress across the stop.
            if (pending is not null)
                await cursors.SaveAsync(network, pending, CancellationToken.None);
        }
    }

    private async Task<int> TakeWithRetryAsync(string network, HorizonClient horizon, IReadOnlyList<PaymentRecord> records, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                return await intake.TakeAsync(network, horizon, records, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Payments {First}…{Last} on {Network} not handled yet; retrying in {Delay}", records[0].Id, records[^1].Id, network, delay);
                await Task.Delay(delay, clock, stoppingToken);
                delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
            }
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }
}
