using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Api.Docs;

/// <summary>The API's OpenAPI document as the running Flux serves it, and ways through it.</summary>
internal static class OpenApiDocument
{
    public static async Task<JsonNode> FetchAsync(FluxAppFactory app)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new JsonException("The OpenAPI document is empty.");
    }

    public static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(o => (path.Key, o.Key, o.Value!)));

    /// <summary>The schema, or the component its <c>$ref</c> names.</summary>
    public static JsonNode Resolve(JsonNode document, JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]!
            : schema;
}
