using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Flux.Dashboard.Api.Docs;

/// <summary>
/// Completes each API operation from its endpoint metadata: the Bearer requirement for endpoints that need a key, the error
/// responses in the API's shape, list and <c>Idempotency-Key</c> parameters, and the examples.
/// </summary>
public sealed class FluxOperationTransformer : IOpenApiOperationTransformer
{
    private const string Json = "application/json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document!;
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        var needsKey = policies.Any(p => p is ApiAuth.SecretKeyPolicy or ApiAuth.PublishableKeyPolicy);
        // Public endpoints without a key still turn away a bad or secret key with a 401.
        var mayRefuseKey = needsKey || policies.Contains(ApiAuth.PublicPolicy);

        if (mayRefuseKey)
        {
            var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(FluxDocumentTransformer.BearerScheme, document)] = [] };
            // An empty requirement first: the key is optional (OpenAPI's way of saying "no key, or this one").
            operation.Security = needsKey ? [bearer] : [new OpenApiSecurityRequirement(), bearer];
        }

        operation.Parameters ??= [];
        foreach (var parameter in metadata.OfType<ApiQueryParameter>())
            operation.Parameters.Add(QueryParameter(parameter));
        var isPost = HttpMethods.IsPost(context.Description.HttpMethod ?? "");
        if (isPost)
            operation.Parameters.Add(IdempotencyKey());

        operation.Responses ??= [];
        var statuses = metadata.OfType<ApiErrorsMetadata>().SelectMany(m => m.Statuses)
            .Concat(mayRefuseKey ? [StatusCodes.Status401Unauthorized] : [])
            // A POST may carry a body (415 when it is not JSON) and an Idempotency-Key (409 while its first request runs).
            .Concat(isPost ? [StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType] : [])
            .Concat([StatusCodes.Status429TooManyRequests, StatusCodes.Status500InternalServerError])
            .Distinct()
            .Order();
        foreach (var status in statuses)
            operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = ErrorResponse(ApiErrorCatalog.For(status), document);

        foreach (var stream in metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.ContentTypes.Contains(ServerSentEvents.ContentType)))
            operation.Responses[stream.StatusCode.ToString(CultureInfo.InvariantCulture)] = EventStreamResponse();

        if (metadata.OfType<ApiRequestBodyMetadata>().LastOrDefault() is { } body)
            operation.RequestBody = await RequestBodyAsync(body.Type, context, cancellationToken);
        AddExamples(operation, metadata);
    }

    /// <summary>A required JSON body whose schema is a component named after the type, like response schemas.</summary>
    private static async Task<OpenApiRequestBody> RequestBodyAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        document.AddComponent(type.Name, schema);
        return new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [Json] = new() { Schema = new OpenApiSchemaReference(type.Name, document) },
            },
        };
    }

    private static void AddExamples(OpenApiOperation operation, IList<object> metadata)
    {
        var requestExamples = metadata.OfType<ApiRequestExampleMetadata>().Select(m => m.Example).ToList();
        if (requestExamples.Count > 0 && operation.RequestBody?.Content?.TryGetValue(Json, out var request) == true)
        {
            request.Examples = requestExamples.ToDictionary(e => e.Name, e => (IOpenApiExample)new OpenApiExample
            {
                Summary = e.Summary,
                Value = JsonNode.Parse(e.Json),
            });
        }

        foreach (var example in metadata.OfType<ApiResponseExampleMetadata>())
        {
            var status = example.Status.ToString(CultureInfo.InvariantCulture);
            if (operation.Responses?.TryGetValue(status, out var response) == true
                && response.Content?.TryGetValue(Json, out var content) == true)
            {
                content.Example = JsonNode.Parse(example.Json);
            }
        }
    }

    private static OpenApiResponse ErrorResponse(ApiErrorDoc error, OpenApiDocument document)
    {
        var response = new OpenApiResponse
        {
            Description = $"`{error.Code}`: {error.Summary}",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [Json] = new()
                {
                    Schema = new OpenApiSchemaReference(FluxDocumentTransformer.ErrorSchema, document),
                    Example = SeedExamples.Error(error),
                },
            },
        };
        if (error.Status == StatusCodes.Status429TooManyRequests)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before retrying.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                },
            };
        }
        return response;
    }

    /// <summary>A Server-Sent Events answer: text frames (<c>id:</c>, <c>event:</c>, <c>data:</c>) as the description says.</summary>
    private static OpenApiResponse EventStreamResponse() => new()
    {
        Description = "A stream of Server-Sent Events, as the operation describes.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ServerSentEvents.ContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
        },
    };

    private static OpenApiParameter QueryParameter(ApiQueryParameter parameter) => new()
    {
        Name = parameter.Name,
        In = ParameterLocation.Query,
        Description = parameter.Description,
        Schema = new OpenApiSchema
        {
            Type = parameter.Type switch
            {
                ApiQueryType.Integer => JsonSchemaType.Integer,
                ApiQueryType.Boolean => JsonSchemaType.Boolean,
                _ => JsonSchemaType.String,
            },
            Format = parameter.Type == ApiQueryType.Time ? "date-time" : null,
            Enum = parameter.Values?.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
            Minimum = parameter.Minimum?.ToString(CultureInfo.InvariantCulture),
            Maximum = parameter.Maximum?.ToString(CultureInfo.InvariantCulture),
            Default = parameter.Default is { } value ? JsonValue.Create(value) : null,
        },
    };

    private static OpenApiParameter IdempotencyKey() => new()
    {
        Name = "Idempotency-Key",
        In = ParameterLocation.Header,
        Description = "Up to 255 characters. Sending the same key and body again within 24 hours replays the first answer instead of running the request twice.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
    };
}
