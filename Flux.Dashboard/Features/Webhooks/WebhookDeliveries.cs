using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Health;
using Flux.Dashboard.Features.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary>
/// Runs deliveries as Hangfire jobs: one attempt per job, the next one scheduled by <see cref="WebhookOptions.Retries"/>.
/// A job first claims its delivery (only a due, pending one), so a job started twice — or by the sweep after a crash —
/// still makes one attempt.
/// </summary>
public sealed class WebhookDeliveries(
    IDbContextFactory<FluxDbContext> dbFactory, IBackgroundJobClient jobs, WebhookSender sender, WebhookDisabledMail mail,
    WebhookOptions options, FluxMetrics metrics, TimeProvider clock, ILogger<WebhookDeliveries> logger)
{
    public const string SweepJobId = "webhooks-sweep";

    /// <summary>How long a claimed attempt may run before the sweep takes it for lost.</summary>
    private TimeSpan Lease => options.Timeout + TimeSpan.FromMinutes(1);

    public static WebhookDelivery New(string endpointId, OutboxEvent outboxEvent, DateTimeOffset now) => new()
    {
        Id = PublicId.Sequential("whd"),
        EndpointId = endpointId,
        EventId = outboxEvent.Id,
        EventType = outboxEvent.Type,
        Payload = EventEnvelope.Serialize(outboxEvent),
        State = WebhookDeliveryState.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    public void Enqueue(string deliveryId) => jobs.Enqueue<WebhookDeliveries>(d => d.AttemptAsync(deliveryId, CancellationToken.None));

    /// <summary>The Hangfire job: one attempt of a due, pending delivery. Failures are recorded, never thrown, so Hangfire does not retry on its own.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task AttemptAsync(string deliveryId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var leaseEnd = now + Lease;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.Set<WebhookDelivery>()
            .Where(d => d.Id == deliveryId && d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, leaseEnd), cancellationToken);
        if (claimed == 0)
            return;

        var delivery = await db.Set<WebhookDelivery>().SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var endpoint = await db.Set<WebhookEndpoint>().SingleAsync(e => e.Id == delivery.EndpointId, cancellationToken);
        if (endpoint.Status == WebhookEndpointStatus.Disabled)
        {
            delivery.State = WebhookDeliveryState.Failed;
            delivery.NextAttemptAt = null;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var attempt = await RecordAttemptAsync(db, delivery, endpoint, cancellationToken);
        if (attempt.Succeeded)
            delivery.State = WebhookDeliveryState.Succeeded;
        else if (delivery.Attempts > options.Retries.Count)
            delivery.State = WebhookDeliveryState.Failed;
        delivery.NextAttemptAt = delivery.State == WebhookDeliveryState.Pending
            ? attempt.AttemptedAt + options.Retries[delivery.Attempts - 1]
            : null;
        await db.SaveChangesAsync(cancellationToken);
        await DisableIfFailingTooLongAsync(db, endpoint, cancellationToken);
        if (delivery.NextAttemptAt is { } next)
            Schedule(deliveryId, next - clock.GetUtcNow());
    }

    /// <summary>A manual attempt now, whatever the delivery's state; a pending delivery keeps its retry schedule if it fails again.</summary>
    public async Task<WebhookAttempt> RedeliverAsync(FluxDbContext db, WebhookDelivery delivery, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        var attempt = await RecordAttemptAsync(db, delivery, endpoint, cancellationToken);
        if (attempt.Succeeded)
        {
            delivery.State = WebhookDeliveryState.Succeeded;
            delivery.NextAttemptAt = null;
        }
        else if (delivery.State == WebhookDeliveryState.Succeeded)
        {
            delivery.State = WebhookDeliveryState.Failed;
        }
        await db.SaveChangesAsync(cancellationToken);
        await DisableIfFailingTooLongAsync(db, endpoint, cancellationToken);
        return attempt;
    }

    /// <summary>
    /// How long a due delivery waits for its job before the sweep takes the job for lost. Short, so the deliveries of an
    /// instance that died are made by another within a minute or so: a job only held up in the queue and started again
    /// meanwhile makes no second attempt, as it finds its delivery claimed or done.
    /// </summary>
    internal static readonly TimeSpan LostAfter = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The every-minute job: starts pending deliveries due for longer than <see cref="LostAfter"/>, whose job was lost (a
    /// crash between commit and enqueue, or mid-attempt), the longest overdue first, up to 1,000 a run.
    /// </summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var overdue = clock.GetUtcNow() - LostAfter;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lost = await db.Set<WebhookDelivery>()
            .Where(d => d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= overdue)
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(1000).ToListAsync(cancellationToken);
        lost.ForEach(Enqueue);
    }

    private async Task<WebhookAttempt> RecordAttemptAsync(FluxDbContext db, WebhookDelivery delivery, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        var attempt = await sender.SendAsync(endpoint, delivery, delivery.Attempts + 1, cancellationToken);
        db.Add(attempt);
        delivery.Attempts = attempt.Number;
        if (attempt.Succeeded)
            endpoint.FailingSince = null;
        else
        {
            endpoint.FailingSince ??= attempt.AttemptedAt;
            metrics.WebhookAttemptFailed();
        }
        logger.LogInformation("Webhook delivery {DeliveryId} of {EventId} to {EndpointId}: attempt {Attempt} answered {Status} in {DurationMs} ms",
            delivery.Id, delivery.EventId, endpoint.Id, attempt.Number, attempt.ResponseStatus, attempt.DurationMs);
        return attempt;
    }

    /// <summary>Disables the endpoint once it has failed without a success for <see cref="WebhookOptions.DisableAfter"/>, mailing the merchant once (unless they chose not to be told).</summary>
    private async Task DisableIfFailingTooLongAsync(FluxDbContext db, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (endpoint.FailingSince is not { } since || now - since < options.DisableAfter)
            return;
        var switchedOff = await db.Set<WebhookEndpoint>()
            .Where(e => e.Id == endpoint.Id && e.Status == WebhookEndpointStatus.Enabled)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, WebhookEndpointStatus.Disabled), cancellationToken);
        if (switchedOff == 0)
            return;
        endpoint.Status = WebhookEndpointStatus.Disabled;
        logger.LogWarning("Webhook endpoint {EndpointId} disabled after failing since {FailingSince}", endpoint.Id, since);
        var email = await db.Users.Where(u => u.Id == endpoint.MerchantId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is not null && await NotificationChoices.WantsAsync(db, endpoint.MerchantId, c => c.WebhookDisabled, cancellationToken))
            await mail.SendAsync(email, endpoint, now - since, cancellationToken);
    }

    private void Schedule(string deliveryId, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
            Enqueue(deliveryId);
        else
            jobs.Schedule<WebhookDeliveries>(d => d.AttemptAsync(deliveryId, CancellationToken.None), delay);
    }
}
