using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Notifications;

/// <summary>Reads and saves which mails each merchant gets (Settings → Notifications).</summary>
public sealed class NotificationChoices(IDbContextFactory<FluxDbContext> dbFactory)
{
    public async Task<NotificationSettings> GetAsync(string merchantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await ForAsync(db, [merchantId], cancellationToken))[merchantId];
    }

    /// <summary>
    /// Saves the four choices; the daily summary's bookkeeping is left as it is. Two first saves at once (two tabs) may
    /// both try to add the merchant's row: the one that loses saves again, onto the row the other added.
    /// </summary>
    public async Task SaveAsync(string merchantId, NotificationSettings choices, CancellationToken cancellationToken = default)
    {
        try
        {
            await SaveOnceAsync(merchantId, choices, cancellationToken);
        }
        catch (DbUpdateException)
        {
            await SaveOnceAsync(merchantId, choices, cancellationToken);
        }
    }

    private async Task SaveOnceAsync(string merchantId, NotificationSettings choices, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Set<NotificationSettings>().SingleOrDefaultAsync(s => s.MerchantId == merchantId, cancellationToken);
        if (stored is null)
            db.Add(stored = NotificationSettings.Defaults(merchantId));
        stored.EachConfirmedOrder = choices.EachConfirmedOrder;
        stored.DailySummary = choices.DailySummary;
        stored.LowCredits = choices.LowCredits;
        stored.WebhookDisabled = choices.WebhookDisabled;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Each merchant's choices, <see cref="NotificationSettings.Defaults"/> for one that never saved any.</summary>
    public static async Task<IReadOnlyDictionary<string, NotificationSettings>> ForAsync(
        FluxDbContext db, IReadOnlyCollection<string> merchantIds, CancellationToken cancellationToken)
    {
        var saved = await db.Set<NotificationSettings>().AsNoTracking()
            .Where(s => merchantIds.Contains(s.MerchantId))
            .ToDictionaryAsync(s => s.MerchantId, cancellationToken);
        return merchantIds.Distinct().ToDictionary(id => id, id => saved.GetValueOrDefault(id) ?? NotificationSettings.Defaults(id));
    }

    /// <summary>The ids of those <paramref name="events"/> whose merchants want the mail <paramref name="wants"/> picks.</summary>
    public static async Task<List<string>> WantedAsync(
        FluxDbContext db, IReadOnlyList<OutboxEvent> events, Func<NotificationSettings, bool> wants, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
            return [];
        var choices = await ForAsync(db, events.Select(e => e.MerchantId).ToList(), cancellationToken);
        return events.Where(e => wants(choices[e.MerchantId])).Select(e => e.Id).ToList();
    }

    /// <summary>Whether the merchant wants the mail <paramref name="wants"/> picks.</summary>
    public static async Task<bool> WantsAsync(
        FluxDbContext db, string merchantId, Func<NotificationSettings, bool> wants, CancellationToken cancellationToken) =>
        wants((await ForAsync(db, [merchantId], cancellationToken))[merchantId]);
}
