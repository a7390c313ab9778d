namespace Flux.Dashboard.Api.Idempotency;

/// <summary>Hangfire's hourly job: idempotency records past their 24 hours are deleted.</summary>
public sealed class IdempotencyPurge(IdempotencyStore store, ILogger<IdempotencyPurge> logger)
{
    public const string JobId = "api-idempotency-purge";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var deleted = await store.PurgeAsync(cancellationToken);
        if (deleted > 0)
            logger.LogInformation("Purged {Count} idempotency records older than 24 hours", deleted);
    }
}
