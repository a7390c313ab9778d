using System.Collections.Concurrent;
using Flux.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.ApiKeys;

/// <summary>
/// Keeps each key's last-used time without a database write per request: requests note the time in memory and a
/// background loop writes the newest time per key every few seconds (and once more at shutdown).
/// </summary>
public sealed class ApiKeyUsage(IDbContextFactory<FluxDbContext> dbFactory, ILogger<ApiKeyUsage> logger) : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> pending = new();

    public void Record(string keyId, DateTimeOffset usedAt) =>
        pending.AddOrUpdate(keyId, usedAt, (_, noted) => noted > usedAt ? noted : usedAt);

    /// <summary>Writes the noted times; a time noted meanwhile stays for the next flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (pending.IsEmpty)
            return;
        var batch = pending.ToArray();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            foreach (var (keyId, usedAt) in batch)
            {
                await db.Set<ApiKey>()
                    .Where(k => k.Id == keyId && (k.LastUsedAt == null || k.LastUsedAt < usedAt))
                    .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, usedAt), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not write the last-used time of {Count} API keys; trying again later", batch.Length);
            return;
        }
        foreach (var entry in batch)
            pending.TryRemove(entry);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The last times noted are written even when shutdown is hurried: a few quick updates.
        await FlushAsync(CancellationToken.None);
    }
}
