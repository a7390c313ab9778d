using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Flux.Dashboard.Api.Docs;

/// <summary>
/// Schemas for the types the API writes with its own converters, which the schema generator cannot see through: Pi
/// amounts are exact JSON numbers, times are ISO-8601 UTC strings, and a list page's <c>object</c> is always "list".
/// </summary>
public sealed class FluxSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var nullable = Nullable.GetUnderlyingType(type) is not null;
        var valueType = Nullable.GetUnderlyingType(type) ?? type;
        var orNull = nullable ? JsonSchemaType.Null : 0;

        if (valueType == typeof(decimal))
        {
            schema.Type = JsonSchemaType.Number | orNull;
            schema.Format = null;
            schema.Description ??= "A number of Pi, exact to 7 decimal places (10.0, 0.5).";
        }
        else if (valueType == typeof(DateTimeOffset))
        {
            schema.Type = JsonSchemaType.String | orNull;
            schema.Format = "date-time";
            schema.Description ??= "ISO-8601 in UTC to the second (2025-05-27T22:45:13Z).";
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ListPage<>) && schema.Properties is { } properties)
        {
            properties["object"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("list")] };
            schema.Required ??= new HashSet<string>();
            schema.Required.Add("object");
        }
        return Task.CompletedTask;
    }
}
