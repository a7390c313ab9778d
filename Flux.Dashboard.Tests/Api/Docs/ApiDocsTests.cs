using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Flux.Dashboard.Api;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Api.Docs;

/// <summary>The OpenAPI document, the interactive reference and the errors page every <c>docs_url</c> points to.</summary>
[Collection(FluxAppCollection.Name)]
public sealed partial class ApiDocsTests(FluxAppFactory app)
{
    private static readonly string[] ApiPaths = ["/v1/orders", "/order/confirm", "/v1/payments", "/v1/credits/balance", "/v1/sandbox/payments"];

    [Fact]
    public async Task OpenApi_document_lists_the_api_endpoints()
    {
        var document = await OpenApiDocumentAsync();

        Assert.Equal("Flux API", document["info"]!["title"]!.GetValue<string>());
        Assert.Equal("v1", document["info"]!["version"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject();
        foreach (var path in ApiPaths)
            Assert.True(paths.ContainsKey(path), $"{path} is missing from the document");
        Assert.NotNull(paths["/v1/orders/{orderId}"]!["get"]);
        Assert.NotNull(paths["/v1/orders/{orderId}/cancel"]!["post"]);
        Assert.NotNull(paths["/v1/orders"]!["get"]);
        Assert.NotNull(paths["/v1/payments"]!["post"]);
    }

    [Fact]
    public async Task OpenApi_document_holds_only_the_api()
    {
        var document = await OpenApiDocumentAsync();

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.All(paths, path => Assert.True(path.StartsWith("/v1/", StringComparison.Ordinal) || path is "/order/confirm" or "/request",
            $"{path} is not an API path"));
        Assert.DoesNotContain(paths, p => p.StartsWith("/v1/sandbox/horizon", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(paths, p => p.Contains("{**", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_operation_has_a_summary_the_bearer_scheme_and_the_error_responses()
    {
        var document = await OpenApiDocumentAsync();

        var scheme = document["components"]!["securitySchemes"]!["bearer"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
        Assert.Contains("sk_test_", scheme["description"]!.GetValue<string>());
        Assert.Contains("sk_live_", scheme["description"]!.GetValue<string>());

        foreach (var (path, method, operation) in Operations(document))
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{name} has no summary");
            Assert.Contains(operation["security"]!.AsArray(), requirement => requirement!.AsObject().ContainsKey("bearer"));
            var responses = operation["responses"]!.AsObject();
            Assert.Contains(responses, r => r.Key.StartsWith('2'));
            foreach (var status in new[] { "401", "429", "500" })
            {
                Assert.True(responses.ContainsKey(status), $"{name} does not document {status}");
                Assert.Equal("#/components/schemas/Error", responses[status]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
            }
            Assert.NotNull(responses["429"]!["headers"]!["Retry-After"]);
        }
        var createOrder = document["paths"]!["/v1/orders"]!["post"]!;
        Assert.NotNull(createOrder["responses"]!["400"]);
        Assert.Contains(createOrder["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Idempotency-Key");
        Assert.Contains(document["paths"]!["/v1/orders/{orderId}"]!["get"]!["responses"]!.AsObject(), r => r.Key == "404");
        Assert.Contains(document["paths"]!["/v1/payments"]!["get"]!["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "limit");
        // Public reads take no key or a publishable one; creating a public order needs the key.
        Assert.Contains(document["paths"]!["/v1/public/orders/{orderId}"]!["get"]!["security"]!.AsArray(), r => r!.AsObject().Count == 0);
        Assert.DoesNotContain(document["paths"]!["/v1/public/orders"]!["post"]!["security"]!.AsArray(), r => r!.AsObject().Count == 0);
    }

    [Fact]
    public async Task Request_and_response_schemas_use_the_snake_case_names_the_api_sends()
    {
        var document = await OpenApiDocumentAsync();

        var confirm = document["paths"]!["/order/confirm"]!["post"]!;
        var request = Resolve(document, confirm["requestBody"]!["content"]!["application/json"]!["schema"]!);
        Assert.Equal(["amount", "currency", "customer_email", "description", "expires_in", "merchant_wallet"], request["properties"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(["amount"], request["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("number", request["properties"]!["amount"]!["type"]!.AsArray().Single(t => t!.GetValue<string>() != "null")!.GetValue<string>());
        var response = Resolve(document, confirm["responses"]!["201"]!["content"]!["application/json"]!["schema"]!);
        var properties = response["properties"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("order_id", properties);
        Assert.Contains("created_at", properties);
        Assert.Contains("checkout_url", properties);

        var sandbox = document["paths"]!["/v1/sandbox/payments"]!["post"]!;
        Assert.Contains("order_id", Resolve(document, sandbox["requestBody"]!["content"]!["application/json"]!["schema"]!)["properties"]!.AsObject().Select(p => p.Key));

        var names = document["components"]!["schemas"]!.AsObject()
            .SelectMany(s => s.Value!["properties"]?.AsObject().Select(p => p.Key) ?? []);
        Assert.All(names, name => Assert.Matches("^[a-z][a-z0-9_]*$", name));
    }

    [Fact]
    public async Task The_error_schema_is_the_shape_the_api_sends()
    {
        var document = await OpenApiDocumentAsync();
        using var client = app.ApiClient("sk_test_not_a_real_key");
        using var response = await client.GetAsync("/v1/payments");
        var sent = (await response.AssertApiErrorAsync(HttpStatusCode.Unauthorized, ApiError.AuthenticationErrorCode))
            .EnumerateObject().Select(p => p.Name);

        var error = document["components"]!["schemas"]!["Error"]!["properties"]!["error"]!;
        Assert.Equal(sent, error["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(
            ["authentication_error", "invalid_request", "resource_not_found", "idempotency_error", "rate_limit_exceeded", "api_error"],
            error["properties"]!["code"]!["enum"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Every_post_documents_the_409_of_a_key_still_in_flight()
    {
        var document = await OpenApiDocumentAsync();

        foreach (var (path, _, operation) in Operations(document).Where(o => o.Method == "post"))
        {
            var conflict = operation["responses"]!["409"];
            Assert.True(conflict is not null, $"POST {path} does not document 409");
            Assert.Equal("idempotency_error", conflict!["content"]!["application/json"]!["example"]!["error"]!["code"]!.GetValue<string>());
        }
    }

    /// <summary>Every status and kind the API sends is an enum with all its values (awaiting_credit and paid_after_expiry too).</summary>
    [Fact]
    public async Task Every_status_lists_all_its_values()
    {
        var document = await OpenApiDocumentAsync();

        Assert.Equal(Features.Orders.OrderStatusNames.All, EnumOf(document, "OrderResource", "status"));
        Assert.Contains("awaiting_credit", EnumOf(document, "OrderResource", "status"));
        Assert.Contains("paid_after_expiry", EnumOf(document, "OrderResource", "status"));
        Assert.Equal(Features.Orders.OrderStatusNames.All, EnumOf(document, "PublicOrderResource", "status"));
        Assert.Equal(Features.Orders.OrderStatusNames.All, EnumOf(document, "PublicButtonOrderResource", "status"));
        Assert.Equal(["enabled", "disabled"], EnumOf(document, "WebhookEndpointResource", "status"));
        Assert.Equal(["requested", "submitted", "expired"], EnumOf(document, "ReviewRequestResource", "status"));
        Assert.Equal(["sandbox_start", "sandbox_refill", "grant", "purchase", "order", "adjustment"], EnumOf(document, "CreditLedgerEntryResource", "reason"));
    }

    [Theory]
    [InlineData("/v1/events/stream")]
    [InlineData("/v1/public/orders/{orderId}/stream")]
    public async Task Event_streams_declare_text_event_stream(string path)
    {
        var document = await OpenApiDocumentAsync();

        var content = document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!.AsObject();

        Assert.Equal(["text/event-stream"], content.Select(c => c.Key));
    }

    /// <summary>What the API refuses a body without is required in its schema (the contract tests check the refusals).</summary>
    [Theory]
    [InlineData("/v1/orders", "amount")]
    [InlineData("/v1/wallets", "address")]
    [InlineData("/v1/webhook_endpoints", "enabled_events,url")]
    [InlineData("/v1/reviews", "order_id,product_name")]
    [InlineData("/v1/buttons", "")]
    [InlineData("/v1/sandbox/payments", "")]
    public async Task Request_bodies_require_what_the_api_enforces(string path, string required)
    {
        var document = await OpenApiDocumentAsync();

        var schema = Resolve(document, document["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!);

        var requires = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [];
        Assert.Equal(required.Split(',', StringSplitOptions.RemoveEmptyEntries), requires.Order());
    }

    private static IEnumerable<string> EnumOf(JsonNode document, string schema, string property) =>
        Resolve(document, document["components"]!["schemas"]![schema]!["properties"]![property]!)["enum"]!.AsArray().Select(v => v!.GetValue<string>());

    [Fact]
    public async Task The_seed_examples_are_in_the_document()
    {
        var document = await OpenApiDocumentAsync();

        var confirm = document["paths"]!["/order/confirm"]!["post"]!;
        var request = confirm["requestBody"]!["content"]!["application/json"]!["examples"]!["seed"]!["value"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ApiFixtures.SeedOrderBody), request), request.ToJsonString());
        var order = confirm["responses"]!["201"]!["content"]!["application/json"]!["example"]!;
        Assert.Equal("ord_8f7sd6f876dsf", order["order_id"]!.GetValue<string>());
        Assert.Equal(10.0m, order["amount"]!.GetValue<decimal>());
        Assert.Equal("pending_confirmation", order["status"]!.GetValue<string>());
        Assert.Equal("2025-05-27T22:45:13Z", order["created_at"]!.GetValue<string>());

        var error = confirm["responses"]!["401"]!["content"]!["application/json"]!["example"]!["error"]!;
        Assert.Equal("authentication_error", error["code"]!.GetValue<string>());
        Assert.Equal("The provided API key is invalid", error["message"]!.GetValue<string>());
        Assert.Equal("req_7PtEBi4JMVb2Ef", error["request_id"]!.GetValue<string>());
        Assert.EndsWith("/docs/errors#authentication_error", error["docs_url"]!.GetValue<string>());
        Assert.Null(error["param"]);

        var paymentsCreate = document["paths"]!["/v1/payments"]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!["seed"]!["value"]!;
        Assert.Equal("Premium subscription", paymentsCreate["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_api_reference_is_an_html_page_served_without_the_internet()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/docs/api");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        // Scalar resolves the document's URL against the site root: /openapi/v1.json.
        Assert.Contains("\"url\":\"openapi/v1.json\"", html);
        var scripts = ScriptSources().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, src => Assert.DoesNotContain("://", src));
        foreach (var src in scripts)
        {
            using var script = await client.GetAsync(new Uri(response.RequestMessage!.RequestUri!, src));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        }
    }

    [Fact]
    public async Task The_errors_page_is_public_and_has_a_section_per_error_code()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/docs/errors");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/docs/errors", response.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await response.Content.ReadAsStringAsync();
        var ids = Ids(html);
        foreach (var code in new[] { "authentication_error", "invalid_request", "resource_not_found", "idempotency_error", "rate_limit_exceeded", "api_error" })
            Assert.Contains(code, ids);
        Assert.Contains("error.type === &#x27;rate_limit_exceeded&#x27;", html);
        Assert.Contains("href=\"/docs/api\"", html);
    }

    [Fact]
    public async Task Every_docs_url_an_error_sends_resolves_to_its_section()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var bad = app.ApiClient("sk_test_not_a_real_key");
        using var good = app.ApiClient(merchant.TestKey);
        using var page = app.CreateClient();
        var errors = new List<HttpResponseMessage>
        {
            await bad.GetAsync("/v1/payments"),
            await app.ApiClient(null).PostJsonAsync("/order/confirm", ApiFixtures.SeedOrderBody),
            await good.PostJsonAsync("/v1/orders", """{"amount": "ten"}"""),
            await good.GetAsync("/v1/orders/ord_doesnotexist"),
            await good.GetAsync("/v1/no-such-endpoint"),
        };

        foreach (var response in errors)
        {
            var json = await response.JsonAsync();
            var docsUrl = new Uri(json.GetProperty("error").GetProperty("docs_url").GetString()!);
            Assert.Equal(json.GetProperty("error").GetProperty("code").GetString(), docsUrl.Fragment.TrimStart('#'));
            using var section = await page.GetAsync(docsUrl);
            Assert.Equal(HttpStatusCode.OK, section.StatusCode);
            Assert.Contains(docsUrl.Fragment.TrimStart('#'), Ids(await section.Content.ReadAsStringAsync()));
            response.Dispose();
        }
    }

    private Task<JsonNode> OpenApiDocumentAsync() => OpenApiDocument.FetchAsync(app);

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        OpenApiDocument.Operations(document);

    private static JsonNode Resolve(JsonNode document, JsonNode schema) => OpenApiDocument.Resolve(document, schema);

    private static HashSet<string> Ids(string html) => [.. IdAttributes().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("\\sid=\"?([^\"\\s>]+)")]
    private static partial Regex IdAttributes();

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSources();
}
