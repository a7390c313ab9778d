using System.Text.Json;
using System.Text.Json.Nodes;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Events;

/// <summary>
/// The event records are the one source of each event type's data: the API reference describes <c>Event</c> as one of
/// a schema per type made from them, and what a producer writes reads back as its record.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class EventContractTests(FluxAppFactory app)
{
    [Fact]
    public async Task The_reference_describes_an_event_as_one_of_a_schema_per_type_told_apart_by_type()
    {
        using var client = app.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!;

        var @event = schemas[EventSchemas.Event]!;
        Assert.Equal("type", @event["discriminator"]!["propertyName"]!.GetValue<string>());
        var mapping = @event["discriminator"]!["mapping"]!.AsObject();
        Assert.Equal(EventCatalog.TypeNames, mapping.Select(m => m.Key).Order(StringComparer.Ordinal));
        Assert.Equal(EventCatalog.TypeNames.Count, @event["oneOf"]!.AsArray().Count);
        foreach (var (type, record) in EventCatalog.Records)
        {
            var envelope = schemas[$"{record.Name}Event"]!;
            Assert.Equal($"#/components/schemas/{record.Name}Event", mapping[type]!.GetValue<string>());
            Assert.Equal([type], envelope["properties"]!["type"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
            Assert.Equal($"#/components/schemas/{record.Name}", envelope["properties"]!["data"]!["$ref"]!.GetValue<string>());
            var example = JsonNode.Parse(JsonSerializer.Serialize(EventCatalog.ExampleOf(record), record, Outbox.Json))!.AsObject();
            Assert.Equal(example.Select(p => p.Key), schemas[record.Name]!["properties"]!.AsObject().Select(p => p.Key));
        }
        var list = document["paths"]!["/v1/events"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("#/components/schemas/Event", list["properties"]!["data"]!["items"]!["$ref"]!.GetValue<string>());
        var one = document["paths"]!["/v1/events/{eventId}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("#/components/schemas/Event", one["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void Every_records_example_reads_back_as_the_same_record()
    {
        foreach (var (type, record) in EventCatalog.Records)
        {
            var example = EventCatalog.ExampleOf(record);
            var stored = new OutboxEvent
            {
                Id = "evt_x", MerchantId = "m", Type = type, Data = JsonSerializer.Serialize(example, record, Outbox.Json),
            };

            Assert.Equal<object?>(example, EventCatalog.Read(stored));
            Assert.Equal(type, EventCatalog.TypeOf(record));
        }
    }

    [Fact]
    public void The_catalog_holds_every_event_record_of_the_assembly()
    {
        var records = typeof(IEventData).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IEventData)));

        Assert.Equal(records.Select(t => t.FullName).Order(), EventCatalog.Records.Values.Select(t => t.FullName).Order());
    }
}
