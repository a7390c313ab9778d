using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Flux.Dashboard.Api.Docs;

/// <summary>
/// The document's title, introduction and license, a description for each tag, servers written without a trailing slash,
/// the Bearer scheme, and the error shape every operation refers to; schemas nothing refers to any more (a handler's
/// declared type whose answer an operation transformer described better, as the events' list) are left out.
/// </summary>
public sealed class FluxDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";
    public const string ErrorSchema = "Error";

    /// <summary>What each tag of the endpoints groups; a tag missing here fails the OpenAPI lint test.</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Orders"] = "Orders a customer pays in Pi into the merchant's wallet; Flux confirms each once its payment is seen on chain, using one credit.",
        ["Payments"] = "Payments Flux saw on chain into the merchant's wallets, matched to their orders or not.",
        ["Refunds"] = "Refunds verified on chain: what to send back to whom with which memo, marked succeeded when the watcher sees it sent.",
        ["Credits"] = "The credit balance and its append-only ledger: one credit per confirmed order.",
        ["Wallets"] = "The merchant's Pi wallets that orders are paid into; `merchant_wallet` names one of them.",
        ["Buttons"] = "Order buttons for a shop's pages, and the snippet that embeds one.",
        ["Payment links"] = "Links to a hosted page that sells one product: each customer who proceeds gets an order of their own.",
        ["Reviews"] = "Verified reviews: one-time links for the customers of confirmed orders.",
        ["Events"] = "Everything that happened to the merchant's orders, credits and reviews, as a list and as a live stream.",
        ["Webhook endpoints"] = "Where Flux POSTs each event, signed in the Flux-Signature header.",
        ["Sandbox"] = "Test keys only: customers' payments simulated on the built-in sandbox ledger.",
        ["Public"] = "For browser code on the merchant's pages: no key or a publishable key (pk_…), CORS open, limited per client IP.",
    };

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Flux API",
            Version = "v1",
            Description = """
                Confirm Pi orders, read payments seen on chain and manage credits over HTTP. Requests and responses are JSON
                with snake_case names; every response carries a `Request-Id` header. Authenticate with a secret key:
                `Authorization: Bearer sk_test_…` (sandbox) or `sk_live_…` (production). Errors always have the shape
                below; see [the errors page](/docs/errors) for each code.

                A Pi amount is a JSON number with its significant decimals and at least one (`10.0`, `1.1`, `0.0000001`),
                whatever the request wrote. A body field or query parameter an endpoint does not take is refused (400,
                `param` names it), never ignored; a body must be JSON (`Content-Type: application/json`, UTF-8) or 415.
                """,
            // The license of this description and its examples, as of the Node SDK that ships them.
            License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
        };
        foreach (var server in document.Servers ?? [])
            server.Url = server.Url?.TrimEnd('/');
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "sk_test_… | sk_live_… (pk_test_… | pk_live_… on /v1/public)",
            Description = "A secret key from the Developers page: sk_test_… works with sandbox data only, sk_live_… with real Pi. " +
                "The public endpoints (/v1/public) take the publishable key (pk_…) instead, and refuse a secret key.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ErrorSchema] = Error();
        await RemoveUnusedSchemasAsync(document, cancellationToken);
    }

    /// <summary>Leaves in the schemas the paths refer to, and the schemas those refer to.</summary>
    private static async Task RemoveUnusedSchemasAsync(OpenApiDocument document, CancellationToken cancellationToken)
    {
        var schemas = document.Components!.Schemas!;
        var texts = new Dictionary<string, string>();
        foreach (var (name, schema) in schemas)
            texts[name] = await schema.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
        var used = new HashSet<string>();
        var pending = new Queue<string>([await document.Paths.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken)]);
        while (pending.TryDequeue(out var text))
        {
            foreach (var name in texts.Keys)
                if (!used.Contains(name) && text.Contains($"\"#/components/schemas/{name}\"", StringComparison.Ordinal) && used.Add(name))
                    pending.Enqueue(texts[name]);
        }
        foreach (var name in texts.Keys.Except(used))
            schemas.Remove(name);
    }

    /// <summary><c>{"error":{"code","message","docs_url","param","request_id"}}</c>, as <see cref="ApiError"/> writes it.</summary>
    private static OpenApiSchema Error() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "The body of every error response.",
        Required = new HashSet<string> { "error" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["error"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "code", "message", "docs_url", "param", "request_id" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["code"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = string.Join(" · ", ApiErrorCatalog.All.Select(e => $"`{e.Code}` ({e.Status})")),
                        Enum = ApiErrorCatalog.All.Select(e => (JsonNode)JsonValue.Create(e.Code)).ToList(),
                    },
                    ["message"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong, for a developer to read." },
                    ["docs_url"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "The section of the errors page about this code." },
                    ["param"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The field or query parameter at fault, if one is." },
                    ["request_id"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^req_[0-9A-Za-z]{14}$", Description = "Same as the Request-Id header; quote it to support." },
                },
            },
        },
    };
}
