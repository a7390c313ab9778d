using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Email;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Notifications;

/// <summary>
/// The daily summary: an hourly Hangfire job mails each merchant who chose it, once their morning has come
/// (<see cref="SendFromHour"/> in their time zone), yesterday's confirmed live orders and the Pi they brought. A day is
/// marked summed up after its mail went out, so a mail server that is down is tried again the next hour.
/// </summary>
public sealed class DailySummaryMail(
    IDbContextFactory<FluxDbContext> dbFactory, IMailTransport transport, TimeProvider clock, ILogger<DailySummaryMail> logger)
{
    public const string JobId = "notifications-daily-summary";

    /// <summary>The merchant's local hour from which yesterday's summary goes out.</summary>
    public const int SendFromHour = 6;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subscribers = await db.Set<NotificationSettings>().AsNoTracking().Where(s => s.DailySummary)
            .Join(db.Users, s => s.MerchantId, m => m.Id, (s, m) => new { s.MerchantId, s.SummarySentFor, m.Email, m.TimeZone })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var subscriber in subscribers)
        {
            var zone = DisplayTime.Zone(subscriber.TimeZone);
            var local = DisplayTime.Local(now, zone);
            var yesterday = DateOnly.FromDateTime(local).AddDays(-1);
            if (subscriber.Email is null || local.Hour < SendFromHour || subscriber.SummarySentFor >= yesterday)
                continue;
            try
            {
                await SendAsync(db, subscriber.MerchantId, subscriber.Email, yesterday, zone, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Daily summary for {MerchantId} not sent; the next hour tries again", subscriber.MerchantId);
            }
        }
    }

    private async Task SendAsync(FluxDbContext db, string merchantId, string email, DateOnly day, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var (from, until) = (DisplayTime.StartOf(day, zone), DisplayTime.StartOf(day.AddDays(1), zone));
        var received = await db.Set<Order>().AsNoTracking()
            .Where(o => o.MerchantId == merchantId && o.Livemode && o.ConfirmedAt >= from && o.ConfirmedAt < until)
            .Select(o => o.AmountReceived)
            .ToListAsync(cancellationToken);
        var orders = received.Count == 1 ? "1 order" : $"{received.Count} orders";
        await transport.SendAsync(new(email, $"Your Flux day, {day:yyyy-MM-dd}: {orders} confirmed, {PiFormat.Amount(received.Sum())} Pi",
            $"<p>On {day:dddd, d MMMM yyyy} ({zone.Id}) Flux confirmed {orders} in live mode, which brought {PiFormat.Amount(received.Sum())} Pi to your wallets.</p>"
            + "<p>You chose this mail under Settings → Notifications.</p>"),
            cancellationToken);
        await db.Set<NotificationSettings>()
            .Where(s => s.MerchantId == merchantId && (s.SummarySentFor == null || s.SummarySentFor < day))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SummarySentFor, day), cancellationToken);
    }
}
