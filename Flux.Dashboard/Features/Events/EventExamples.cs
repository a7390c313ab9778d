using System.Text.Json;
using System.Text.Json.Nodes;
using Flux.Dashboard.Api.Docs;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// The values the event records' examples share (the product docs' order and wallet, one moment, one transaction), and the
/// envelopes the API reference shows, made from the records' own examples.
/// </summary>
public static class EventExamples
{
    public const string OrderId = SeedExamples.OrderId;
    public const string Wallet = SeedExamples.TestWallet;
    public const string Customer = "GCVYA7MYDBUNK2QWT3AGQYTPBBGJXBLMTYRHTW5GPMAMD27UYF3ZERVV";
    public const string TransactionHash = "3389e9f0f1a65f19736cacf544c2e825313e8447f569233bb8db39aa607c8889";
    public const string PaymentId = "12884905985";
    public const string EventId = "evt_3kTqZ8bH1mWx0yVd7LcR9pAe";
    public static readonly DateTimeOffset At = new(2025, 5, 27, 22, 47, 2, TimeSpan.Zero);

    /// <summary>The envelope of a record's example, as webhooks and <c>GET /v1/events</c> send it.</summary>
    public static JsonObject Envelope(Type record) => EventEnvelope.ToJson(new OutboxEvent
    {
        Id = EventId,
        MerchantId = "",
        Type = EventCatalog.TypeOf(record),
        Data = JsonSerializer.Serialize(EventCatalog.ExampleOf(record), record, Outbox.Json),
        CreatedAt = At,
    });

    /// <summary>The example the reference shows for one event: <c>credit.used</c>, the product docs' own.</summary>
    public static string One => Envelope(EventCatalog.Records["credit.used"]).ToJsonString(Indented);

    /// <summary>A list page holding that event.</summary>
    public static string List => new JsonObject
    {
        ["object"] = "list",
        ["data"] = new JsonArray(Envelope(EventCatalog.Records["credit.used"])),
        ["has_more"] = false,
    }.ToJsonString(Indented);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
