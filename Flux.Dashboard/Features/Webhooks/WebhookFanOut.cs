using System.Data;
using System.Data.Common;
using System.Text.Json;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary>Turns each dispatched event into one delivery per enabled endpoint of its merchant and mode that subscribes to its type.</summary>
public sealed class WebhookFanOut(WebhookDeliveries deliveries, TimeProvider clock) : IOutboxFanOut
{
    private ListenerQuery? query;

    private sealed record Listener(string EndpointId, string MerchantId, bool Livemode, List<string> EnabledEvents)
    {
        public bool Hears(OutboxEvent e) =>
            e.MerchantId == MerchantId && e.Livemode == Livemode && WebhookEndpoint.Subscribes(EnabledEvents, e.Type);
    }

    public async Task<Action> StageAsync(FluxDbContext db, IReadOnlyList<OutboxEvent> batch, CancellationToken cancellationToken)
    {
        query ??= ListenerQuery.For(db);
        var listeners = await query.RunAsync(db, batch.Select(e => e.MerchantId).Distinct(), cancellationToken);
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
    /// The enabled endpoints of some merchants, by one SQL command rather than a LINQ query: the group commit runs it for
    /// every batch, where building the query, looking it up in EF's cache and materializing entities cost more than the
    /// query. Its table and columns, and how the status and the event list are stored, come from the EF model; the list of
    /// merchants is one parameter (JSON for SQLite's json_each, an array for PostgreSQL).
    /// </summary>
    private sealed class ListenerQuery(string sql, object enabled, Func<object, List<string>> readEvents, bool sqlite)
    {
        public static ListenerQuery For(FluxDbContext db)
        {
            var sqlite = db.Database.IsSqlite();
            var entity = db.Model.FindEntityType(typeof(WebhookEndpoint))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            string Column(string property) => $"\"{entity.FindProperty(property)!.GetColumnName(table)}\"";
            var status = entity.FindProperty(nameof(WebhookEndpoint.Status))!;
            // SQLite keeps the list as JSON text; PostgreSQL as a text[] it reads back as is.
            var events = entity.FindProperty(nameof(WebhookEndpoint.EnabledEvents))!.GetTypeMapping().Converter;
            Func<object, List<string>> readEvents = events is null ? value => [.. (string[])value] : value => (List<string>)events.ConvertFromProvider(value)!;
            return new(
                $"""
                SELECT {Column(nameof(WebhookEndpoint.Id))}, {Column(nameof(WebhookEndpoint.MerchantId))}, {Column(nameof(WebhookEndpoint.Livemode))},
                    {Column(nameof(WebhookEndpoint.EnabledEvents))}
                FROM "{table.Name}"
                WHERE {Column(nameof(WebhookEndpoint.Status))} = @status AND {Column(nameof(WebhookEndpoint.MerchantId))} {(sqlite ? "IN (SELECT \"value\" FROM json_each(@merchantIds))" : "= ANY(@merchantIds)")}
                """,
                status.GetTypeMapping().Converter!.ConvertToProvider(WebhookEndpointStatus.Enabled)!,
                readEvents,
                sqlite);
        }

        public async Task<List<Listener>> RunAsync(FluxDbContext db, IEnumerable<string> merchantIds, CancellationToken cancellationToken)
        {
            var connection = db.Database.GetDbConnection();
            var openHere = connection.State != ConnectionState.Open;
            if (openHere)
                await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                Add(command, "@status", enabled);
                Add(command, "@merchantIds", sqlite ? JsonSerializer.Serialize(merchantIds) : merchantIds.ToArray());
                var listeners = new List<Listener>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    listeners.Add(new(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2),
                        readEvents(reader.GetValue(3))));
                }
                return listeners;
            }
            finally
            {
                if (openHere)
                    await db.Database.CloseConnectionAsync();
            }
        }

        private static void Add(DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }
}
