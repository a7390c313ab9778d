using System.Text.Encodings.Web;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Email;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Notifications;

/// <summary>
/// The mail for one confirmed live order, for merchants who chose <see cref="NotificationSettings.EachConfirmedOrder"/>.
/// Sent as a Hangfire job, so a mail server that is down is retried.
/// </summary>
public sealed class OrderConfirmedMail(IDbContextFactory<FluxDbContext> dbFactory, IMailTransport transport)
{
    public async Task SendAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await EventMailSource.ReadAsync<OrderConfirmed>(db, eventId, cancellationToken) is not var (_, confirmed, email))
            return;
        var description = await db.Set<Order>().Where(o => o.Id == confirmed.OrderId).Select(o => o.Description).SingleOrDefaultAsync(cancellationToken);
        var what = description is null ? "" : $" for <strong>{HtmlEncoder.Default.Encode(description)}</strong>";
        await transport.SendAsync(new(email, $"Order {confirmed.OrderId} confirmed: {PiFormat.Amount(confirmed.AmountReceived)} Pi received",
            $"<p>Order {confirmed.OrderId}{what} is confirmed: {PiFormat.Amount(confirmed.AmountReceived)} Pi arrived in your wallet"
            + (confirmed.TransactionHash is { } hash ? $" (transaction {hash})" : "") + ".</p>"
            + $"<p>One credit was used; {confirmed.CreditsRemaining} are left. You chose this mail under Settings → Notifications.</p>"),
            cancellationToken);
    }
}

/// <summary>
/// Turns each dispatched live <c>order.confirmed</c> event of a merchant who wants it into one
/// <see cref="OrderConfirmedMail"/> job, queued once the dispatch that carries it has committed.
/// </summary>
public sealed class OrderConfirmedMailer(IBackgroundJobClient jobs) : IOutboxFanOut
{
    public async Task<Action> StageAsync(FluxDbContext db, IReadOnlyList<OutboxEvent> batch, CancellationToken cancellationToken)
    {
        var wanted = await NotificationChoices.WantedAsync(
            db, batch.Where(e => e.Type == OrderConfirmed.Type && e.Livemode).ToList(), c => c.EachConfirmedOrder, cancellationToken);
        return () => wanted.ForEach(id => jobs.Enqueue<OrderConfirmedMail>(mail => mail.SendAsync(id, CancellationToken.None)));
    }
}
