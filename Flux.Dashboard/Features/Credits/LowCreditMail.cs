using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Email;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Credits;

/// <summary>
/// One mail per <c>credits.low</c> event, so one per crossing of the threshold (never one per order). The event
/// arrives through the outbox; the mail goes out as a Hangfire job, so a mail server that is down is retried.
/// </summary>
public sealed class LowCreditMail(IDbContextFactory<FluxDbContext> dbFactory, IMailTransport transport, ILogger<LowCreditMail> logger)
{
    public async Task SendAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await EventMailSource.ReadAsync<CreditsLow>(db, eventId, cancellationToken) is not var (lowEvent, low, email))
            return;
        var mode = lowEvent.Livemode ? "live" : "test-mode";
        await transport.SendAsync(new(email, $"Your Flux {mode} credits are running low ({low.CreditsRemaining} left)",
            $"<p>Your {mode} credit balance dropped below {low.Threshold}: {low.CreditsRemaining} credits are left.</p>"
            + "<p>Each confirmed order uses one credit; paid orders wait once none are left. Buy a pack on the Credits page of your dashboard.</p>"),
            cancellationToken);
        logger.LogInformation("Low-credit mail for event {EventId} sent", eventId);
    }
}

/// <summary>
/// Turns each dispatched <c>credits.low</c> event of a merchant who wants it (the default) into one <see cref="LowCreditMail"/> job, queued once the dispatch that
/// carries it has committed (the outbox's exactly-once hand-over, as for webhooks).
/// </summary>
public sealed class LowCreditMailer(IBackgroundJobClient jobs) : IOutboxFanOut
{
    public async Task<Action> StageAsync(FluxDbContext db, IReadOnlyList<OutboxEvent> batch, CancellationToken cancellationToken)
    {
        var wanted = await NotificationChoices.WantedAsync(db, batch.Where(e => e.Type == CreditsLow.Type).ToList(), c => c.LowCredits, cancellationToken);
        return () => wanted.ForEach(id => jobs.Enqueue<LowCreditMail>(mail => mail.SendAsync(id, CancellationToken.None)));
    }
}
