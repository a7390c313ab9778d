using System.Data;
using System.Text.Json;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary>Turns each dispatched event into one delivery per enabled endpoint of its merchant and mode that subscribes to its type.</summary>
public sealed class WebhookFanOut(WebhookDeliveries deliveries, TimeProvider clock) : IOutboxFanOut
{
    private const string ListenersSql =
        """
        SELECT "Id", "MerchantId", "Livemode", "EnabledEvents" FROM "WebhookEndpoints"
        WHERE "Status" = @status AND "MerchantId" IN (SELECT "value" FROM json_each(@merchantIds))
        """;

    private sealed record Listener(string EndpointId, string MerchantId, bool Livemode, List<string> EnabledEvents)
    {
        public bool Hears(OutboxEvent e) =>
            e.MerchantId == MerchantId && e.Livemode == Livemode && WebhookEndpoint.Subscribes(EnabledEvents, e.Type);
    }

    public async Task<Action> StageAsync(FluxDbContext db, IReadOnlyList<OutboxEvent> batch, CancellationToken cancellationToken)
    {
        var listeners = await ListenersAsync(db, batch.Select(e => e.MerchantId).Distinct(), cancellationToken);
        var staged = new List<string>();
        foreach (var outboxEvent in batch)
        {
            foreach (var listener in listeners.Where(l => l.Hears(outboxEvent)))
            {
                var delivery = WebhookDeliveries.New(listener.EndpointId, outboxEvent, clock.GetUtcNow());
                db.Add(delivery);
                staged.Add(delivery.Id);
            }
        }
        return () => staged.ForEach(deliveries.Enqueue);
    }

    /// <summary>
    /// The enabled endpoints of the merchants, by one SQL command rather than a LINQ query: the group commit runs it for
    /// every batch, where building the query, looking it up in EF's cache and materializing entities cost more than the query.
    /// </summary>
    private static async Task<List<Listener>> ListenersAsync(FluxDbContext db, IEnumerable<string> merchantIds, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var openHere = connection.State != ConnectionState.Open;
        if (openHere)
            await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ListenersSql;
            command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            command.Parameters.AddWithValue("@status", nameof(WebhookEndpointStatus.Enabled));
            command.Parameters.AddWithValue("@merchantIds", JsonSerializer.Serialize(merchantIds));
            var listeners = new List<Listener>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                listeners.Add(new(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2),
                    JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? []));
            }
            return listeners;
        }
        finally
        {
            if (openHere)
                await db.Database.CloseConnectionAsync();
        }
    }
}
