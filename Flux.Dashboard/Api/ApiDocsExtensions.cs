using Flux.Dashboard.Api.Docs;
using Scalar.AspNetCore;

namespace Flux.Dashboard.Api;

/// <summary>The API's OpenAPI document (<c>/openapi/v1.json</c>) and its interactive reference (<c>/docs/api</c>).</summary>
public static class ApiDocsExtensions
{
    public const string DocumentName = "v1";
    public const string OpenApiRoute = "/openapi/{documentName}.json";
    public const string ReferencePath = "/docs/api";

    public static void AddFluxApiDocs(this WebApplicationBuilder builder) =>
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            // The API only: not the dashboard, Identity, health, Hangfire or the sandbox's Horizon.
            options.ShouldInclude = description =>
                description.ActionDescriptor.EndpointMetadata.OfType<ApiEndpointMetadata>().Any();
            options.AddDocumentTransformer<FluxDocumentTransformer>();
            options.AddOperationTransformer<FluxOperationTransformer>();
            options.AddSchemaTransformer<FluxSchemaTransformer>();
        });

    public static void MapFluxApiDocs(this WebApplication app)
    {
        app.MapOpenApi(OpenApiRoute);
        // Scalar's script is served from the package (ReferencePath/scalar.js); no fonts or telemetry from the internet.
        app.MapScalarApiReference(ReferencePath, options => options
            .WithTitle("Flux API reference")
            .WithOpenApiRoutePattern(OpenApiRoute)
            .AddDocument(DocumentName, "Flux API")
            .AddPreferredSecuritySchemes(FluxDocumentTransformer.BearerScheme)
            .WithDefaultHttpClient(ScalarTarget.Shell, ScalarClient.Curl)
            .DisableDefaultFonts()
            .DisableTelemetry());
    }
}
