using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Email;

/// <summary>What a mail job queued for one outbox event reads: the event, its typed data and its merchant's address.</summary>
public static class EventMailSource
{
    /// <returns>Null when the event or its merchant is gone, or the event is not a <typeparamref name="T"/>.</returns>
    public static async Task<(OutboxEvent Event, T Data, string Email)?> ReadAsync<T>(FluxDbContext db, string eventId, CancellationToken cancellationToken)
        where T : class, IEventData
    {
        var stored = await db.Set<OutboxEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (stored is null || EventCatalog.Read(stored) is not T data)
            return null;
        var email = await db.Users.Where(m => m.Id == stored.MerchantId).Select(m => m.Email).SingleOrDefaultAsync(cancellationToken);
        return email is null ? null : (stored, data, email);
    }
}
