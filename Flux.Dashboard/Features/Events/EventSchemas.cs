using System.Text.Json.Nodes;
using Flux.Dashboard.Api;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// The events API's answers in the OpenAPI document: <c>Event</c> is one of a schema per event type (its envelope, with
/// the type fixed and the data record's schema), told apart by <c>type</c> — all made from the event records.
/// </summary>
public static class EventSchemas
{
    public const string Event = "Event";
    private const string Json = "application/json";

    /// <summary>For <c>GET /v1/events/{id}</c>: the answer is an <c>Event</c>.</summary>
    public static async Task OneAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken) =>
        SetAnswer(operation, await ReferenceAsync(context, cancellationToken));

    /// <summary>For <c>GET /v1/events</c>: the answer is a list page of <c>Event</c>s.</summary>
    public static async Task ListAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken) =>
        SetAnswer(operation, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "object", "data", "has_more" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["object"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("list")] },
                ["data"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = await ReferenceAsync(context, cancellationToken) },
                ["has_more"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
            },
        });

    private static void SetAnswer(OpenApiOperation operation, IOpenApiSchema schema)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue(Json, out var content) == true)
            content.Schema = schema;
    }

    private static async Task<IOpenApiSchema> ReferenceAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(Event) != true)
        {
            var mapping = new Dictionary<string, OpenApiSchemaReference>();
            foreach (var (type, record) in EventCatalog.Records.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                document.AddComponent(record.Name, await context.GetOrCreateSchemaAsync(record, null, cancellationToken));
                var envelope = $"{record.Name}Event";
                document.AddComponent(envelope, Envelope(type, new OpenApiSchemaReference(record.Name, document)));
                mapping[type] = new OpenApiSchemaReference(envelope, document);
            }
            document.AddComponent(Event, new OpenApiSchema
            {
                Description = "An event, as webhooks, `GET /v1/events` and the SDK stream send it; `type` says which `data` it carries.",
                OneOf = [.. mapping.Values],
                Discriminator = new OpenApiDiscriminator { PropertyName = "type", Mapping = mapping },
            });
        }
        return new OpenApiSchemaReference(Event, document);
    }

    private static OpenApiSchema Envelope(string type, IOpenApiSchema data) => new()
    {
        Type = JsonSchemaType.Object,
        Description = $"A `{type}` event.",
        Required = new HashSet<string> { "id", "object", "type", "created_at", "livemode", "data" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^evt_[0-9A-Za-z]+$" },
            ["object"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("event")] },
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type)] },
            ["created_at"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            ["livemode"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
            ["data"] = data,
        },
    };
}
