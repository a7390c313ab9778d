using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// Every event type Flux sends: the public <see cref="IEventData"/> records of this assembly, found once at start.
/// Adding a record is all it takes for webhooks to offer the type, the API reference to describe it and listeners to
/// receive it. Only the public types are looked at: listing every type would load the code behind them, PostgreSQL's
/// driver among it, into a SQLite deployment (docs/performance.md).
/// </summary>
public static class EventCatalog
{
    private static readonly FrozenDictionary<string, Type> DataTypes = typeof(IEventData).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IEventData)))
        .ToFrozenDictionary(TypeOf, StringComparer.Ordinal);

    /// <summary>Every type name, in order.</summary>
    public static IReadOnlyList<string> TypeNames { get; } = DataTypes.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>"Unknown event type: 'x'. Known types: …", for a reader who named types Flux does not send.</summary>
    public static string UnknownTypes(IReadOnlyCollection<string> unknown) =>
        $"Unknown event type{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Select(e => $"'{e}'"))}. Known types: {string.Join(", ", TypeNames)}.";

    /// <summary>Every data record, by type name.</summary>
    public static IReadOnlyDictionary<string, Type> Records => DataTypes;

    /// <summary>The type name a record declares.</summary>
    public static string TypeOf(Type record) =>
        (string)record.GetProperty(nameof(IEventData.Type), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>The example a record declares.</summary>
    public static IEventData ExampleOf(Type record) =>
        (IEventData)record.GetProperty(nameof(IEventData.Example), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>An event's stored data as its record; null for a type Flux no longer sends.</summary>
    public static IEventData? Read(OutboxEvent outboxEvent) =>
        DataTypes.TryGetValue(outboxEvent.Type, out var record)
            ? (IEventData?)JsonSerializer.Deserialize(outboxEvent.Data, record, Outbox.Json)
            : null;
}
