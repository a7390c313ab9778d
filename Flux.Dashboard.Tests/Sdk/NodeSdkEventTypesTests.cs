using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Flux.Dashboard.Features.Events;

namespace Flux.Dashboard.Tests.Sdk;

/// <summary>
/// The Node SDK declares each event type's fields as the event records define them: the block between the markers in
/// sdk/node/index.d.ts is written from the records, and this test fails — printing the block to paste — when they part.
/// </summary>
public sealed class NodeSdkEventTypesTests
{
    public const string Begin = "// <event types: written from the event records (Flux.Dashboard.Tests/Sdk/NodeSdkEventTypesTests.cs); paste, do not edit>";
    public const string End = "// </event types>";

    [Fact]
    public void Index_d_ts_declares_every_event_type_as_its_record_defines_it()
    {
        var declarations = File.ReadAllText(Path.Combine(SdkTestRun.SdkFolder("node"), "index.d.ts"));
        var begin = declarations.IndexOf(Begin, StringComparison.Ordinal);
        var end = declarations.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"index.d.ts has no block between\n{Begin}\nand\n{End}");

        var declared = declarations[begin..(end + End.Length)].ReplaceLineEndings("\n");

        Assert.True(declared == Block(), $"index.d.ts's event types differ from the event records. The block should read:\n\n{Block()}");
    }

    /// <summary>The event types, one interface per type (the data's fields in camelCase at the top, as the SDK hands events over) and the map <c>flux.on</c> uses.</summary>
    private static string Block()
    {
        var records = EventCatalog.Records.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var text = new StringBuilder().Append(Begin).Append('\n');
        text.Append("export type EventType =\n").AppendJoin("\n", records.Select(r => $"  | '{r.Key}'")).Append(";\n");
        foreach (var (type, record) in records)
        {
            text.Append($"\nexport interface {record.Name}Event extends FluxEvent {{\n  type: '{type}';\n");
            foreach (var (name, tsType) in Fields(record))
                text.Append($"  {name}: {tsType};\n");
            text.Append("}\n");
        }
        text.Append("\n/** Each event type's event, as `flux.on(type, handler)` hands it over. */\nexport interface EventMap {\n");
        text.AppendJoin("", records.Select(r => $"  '{r.Key}': {r.Value.Name}Event;\n"));
        return text.Append("}\n").Append(End).ToString();
    }

    private static readonly JsonSerializerOptions Contract = new(Outbox.Json) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static IEnumerable<(string Name, string Type)> Fields(Type record) =>
        Contract.GetTypeInfo(record).Properties.Select(p => (Camel(p.Name), TypeScript(p)));

    private static string TypeScript(JsonPropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var nullable = type != property.PropertyType
            || (property.AttributeProvider is PropertyInfo info && new NullabilityInfoContext().Create(info).ReadState == NullabilityState.Nullable);
        var typeScript = type == typeof(string) || type == typeof(DateTimeOffset) ? "string"
            : type == typeof(bool) ? "boolean"
            : type == typeof(decimal) || type == typeof(int) || type == typeof(long) ? "number"
            : $"{{ {string.Join(" ", Fields(type).Select(f => $"{f.Name}: {f.Type};"))} }}";
        return nullable ? $"{typeScript} | null" : typeScript;
    }

    private static string Camel(string snake) =>
        string.Concat(snake.Split('_').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
