using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flux.Dashboard.Api.Docs;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Api.Docs;

/// <summary>
/// The OpenAPI document against the running API (issue #27 item 6): every request example it shows is sent, and the
/// answer must be a success it documents, of exactly the documented shape (no field it does not name); every response
/// example fits its schema; a body missing a field the document requires is refused naming that field; and every operation
/// that takes a body refuses mangled ones with a 4xx in the error shape.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class OpenApiContractTests(FluxAppFactory app)
{
    private const string Json = "application/json";

    /// <summary>
    /// Each request example answers a documented success of its schema; what a 201 made is at its Location; and every
    /// link into Flux the answer gives opens for a customer who follows it at once.
    /// </summary>
    [Fact]
    public async Task Every_request_example_gets_a_documented_success_of_the_documented_shape()
    {
        var document = await OpenApiDocument.FetchAsync(app);
        using var objects = await ExampleObjects.CreateAsync(app);
        using var anonymous = app.CreateClient();
        var problems = new List<string>();
        var sent = 0;
        var opened = 0;

        foreach (var (path, method, operation, name, body) in RequestExamples(document))
        {
            using var response = await objects.SendAsync(path, method, body);
            var text = await response.Content.ReadAsStringAsync();
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            sent++;
            if (!response.IsSuccessStatusCode || operation["responses"]?[status] is not { } documented)
            {
                problems.Add($"{method.ToUpperInvariant()} {path} ({name}): {status} is not a documented success: {text}");
                continue;
            }
            problems.AddRange(Mismatches(document, documented["content"]![Json]!["schema"]!, JsonDocument.Parse(text).RootElement)
                .Select(m => $"{method.ToUpperInvariant()} {path} ({name}) answered {status} off its schema: {m}"));
            // What a 201 made is where its Location says, for the same key (a simulated payment has no address of its own).
            if (response.Headers.Location is { } location)
            {
                using var created = await objects.GetAsync(path, location);
                if (created.StatusCode != HttpStatusCode.OK)
                    problems.Add($"{method.ToUpperInvariant()} {path} ({name}): its Location {location} answered {(int)created.StatusCode}");
            }
            // Opened at once, as a customer given the answer would: a later example may deactivate or replace what it names.
            var links = new SortedSet<string>(StringComparer.Ordinal);
            CollectLinks(JsonDocument.Parse(text).RootElement, links);
            foreach (var link in links)
            {
                using var page = await anonymous.GetAsync(link);
                opened++;
                // 410 is a page of its own: a deactivated payment link says the product is no longer sold.
                if ((int)page.StatusCode >= 400 && page.StatusCode != HttpStatusCode.Gone)
                    problems.Add($"{method.ToUpperInvariant()} {path} ({name}) gave {link}: {(int)page.StatusCode}");
            }
        }

        Assert.True(sent >= 14, $"Only {sent} request examples in the document.");
        Assert.True(opened >= 4, $"Only {opened} links opened.");
        Assert.Empty(problems);
    }

    /// <summary>Every <c>url</c> or <c>…_url</c> field that points into Flux, at any depth.</summary>
    private void CollectLinks(JsonElement element, ISet<string> links)
    {
        var flux = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                CollectLinks(item, links);
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if ((property.Name == "url" || property.Name.EndsWith("_url", StringComparison.Ordinal))
                    && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.StartsWith(flux + "/", StringComparison.Ordinal))
                    links.Add(property.Value.GetString()!);
                CollectLinks(property.Value, links);
            }
        }
    }

    [Fact]
    public async Task Every_response_example_fits_its_documented_schema()
    {
        var document = await OpenApiDocument.FetchAsync(app);
        var problems = new List<string>();
        var order = document["paths"]!["/v1/orders/{orderId}"]!["get"]!["responses"]!["200"]!["content"]![Json]!;
        var withExtraField = order["example"]!.DeepClone().AsObject();
        withExtraField["undocumented"] = true;

        // The check itself: a field the document does not name is a mismatch.
        Assert.NotEmpty(Mismatches(document, order["schema"]!, JsonDocument.Parse(withExtraField.ToJsonString()).RootElement));
        foreach (var (path, method, operation) in OpenApiDocument.Operations(document))
        {
            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                if (response!["content"]?[Json] is not { } content || content["example"] is not { } example)
                    continue;
                var instance = JsonDocument.Parse(example.ToJsonString()).RootElement;
                problems.AddRange(Mismatches(document, content["schema"]!, instance).Select(m => $"{method.ToUpperInvariant()} {path} {status}: {m}"));
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_body_without_a_field_the_document_requires_is_refused_naming_it()
    {
        var document = await OpenApiDocument.FetchAsync(app);
        using var objects = await ExampleObjects.CreateAsync(app);
        var problems = new List<string>();
        var tried = 0;

        foreach (var (path, method, operation, name, body) in RequestExamples(document))
        {
            var schema = OpenApiDocument.Resolve(document, operation["requestBody"]!["content"]![Json]!["schema"]!);
            foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
            {
                var without = JsonNode.Parse(body)!.AsObject();
                without.Remove(required);
                using var response = await objects.SendAsync(path, method, without.ToJsonString());
                var error = await response.Content.ReadAsStringAsync();
                tried++;
                if (response.StatusCode != HttpStatusCode.BadRequest || JsonNode.Parse(error)?["error"]?["param"]?.GetValue<string>() != required)
                    problems.Add($"{method.ToUpperInvariant()} {path} ({name}) without {required}: {(int)response.StatusCode} {error}");
            }
        }

        Assert.True(tried >= 8, $"Only {tried} required fields in the document's request bodies.");
        Assert.Empty(problems);
    }

    /// <summary>Bodies no client means to send; each reached a 500 once, somewhere.</summary>
    private static readonly (string Name, byte[] Body)[] MangledBodies =
    [
        ("a field name that is not UTF-8", [.. "{\""u8, 0xED, 0xA0, 0x80, .. "\": 1}"u8]),
        ("a field name with an unpaired \\uD800", "{\"\\uD800\": 1}"u8.ToArray()),
        ("a nested field name with an unpaired \\uDC00", "{\"style\": {\"\\uDC00\": 1}}"u8.ToArray()),
        ("a text that is not UTF-8", [.. "{\"description\": \""u8, 0xC3, .. "\"}"u8]),
        ("a number no decimal holds", "{\"amount\": 1e400}"u8.ToArray()),
        ("broken JSON", "{\"amount\": "u8.ToArray()),
        ("a JSON array", "[]"u8.ToArray()),
        ("JSON nested 100 deep", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100))),
    ];

    [Fact]
    public async Task Every_operation_with_a_body_refuses_mangled_ones_with_a_4xx_in_the_error_shape()
    {
        var document = await OpenApiDocument.FetchAsync(app);
        using var objects = await ExampleObjects.CreateAsync(app);
        var operations = OpenApiDocument.Operations(document).Where(o => o.Operation["requestBody"] is not null).ToList();
        var problems = new List<string>();

        foreach (var (path, method, _) in operations)
        {
            foreach (var (name, body) in MangledBodies)
            {
                using var response = await objects.SendAsync(path, method, body);
                var text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode is < 400 or >= 500 || !IsApiError(text))
                    problems.Add($"{method.ToUpperInvariant()} {path} with {name}: {(int)response.StatusCode} {text}");
            }
        }

        Assert.True(operations.Count >= 15, $"Only {operations.Count} operations with a body in the document.");
        Assert.Empty(problems);
    }

    private static bool IsApiError(string text)
    {
        try
        {
            return JsonNode.Parse(text)?["error"] is { } error && error["code"] is not null && error["message"] is not null && error["request_id"] is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Each request example, its ids replaced by objects <see cref="ExampleObjects"/> made.</summary>
    private static IEnumerable<(string Path, string Method, JsonNode Operation, string Name, string Body)> RequestExamples(JsonNode document) =>
        from operation in OpenApiDocument.Operations(document)
        let examples = operation.Operation["requestBody"]?["content"]?[Json]?["examples"]?.AsObject()
        where examples is not null
        from example in examples
        select (operation.Path, operation.Method, operation.Operation, example.Key, example.Value!["value"]!.ToJsonString());

    /// <summary>
    /// Where <paramref name="instance"/> is off the documented schema. The document's component schemas are made strict
    /// first (<c>additionalProperties: false</c> wherever properties are named), so a field the API sends but the
    /// document does not name is a mismatch too. OpenAPI's <c>discriminator</c>, a hint for code generators that JSON Schema
    /// does not know, is left out: the <c>oneOf</c> it annotates decides on its own.
    /// </summary>
    private static IEnumerable<string> Mismatches(JsonNode document, JsonNode schema, JsonElement instance)
    {
        var definitions = document["components"]!["schemas"]!.DeepClone();
        Strict(definitions);
        var root = schema.DeepClone().AsObject();
        root["$defs"] = definitions;
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var evaluated = JsonSchema.FromText(text, baseUri: new Uri($"https://flux.test/schemas/{Guid.NewGuid():N}"))
            .Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return evaluated.IsValid
            ? []
            : (evaluated.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}");
    }

    private static void Strict(JsonNode? node)
    {
        if (node is JsonObject schema)
        {
            if (schema["properties"] is JsonObject && schema["additionalProperties"] is null)
                schema["additionalProperties"] = false;
            schema.Remove("discriminator");
            foreach (var (_, child) in schema.ToList())
                Strict(child);
        }
        else if (node is JsonArray items)
        {
            foreach (var item in items)
                Strict(item);
        }
    }

    /// <summary>
    /// A merchant with what the examples refer to: the seed's sandbox test wallet registered, an order waiting for
    /// payment, a confirmed (and overpaid, so refundable) one, a wallet, a button whose customers enter the amount, a
    /// payment link and a webhook endpoint.
    /// </summary>
    private sealed class ExampleObjects(HttpClient secret, HttpClient publishable, Dictionary<string, string> ids, string confirmedOrderId)
        : IDisposable
    {
        /// <summary>The order of the seed's "Request a Review" example.</summary>
        private const string SeedReviewOrderId = "order_12345";

        public static async Task<ExampleObjects> CreateAsync(FluxAppFactory app)
        {
            var merchant = await app.NewApiMerchantAsync();
            var secret = app.ApiClient(merchant.TestKey);
            var publishable = app.ApiClient(merchant.Test.Publishable.Secret);
            using var seedOrder = await secret.PostJsonAsync("/order/confirm", ApiFixtures.SeedOrderBody);
            var pending = (await seedOrder.JsonAsync()).GetProperty("order_id").GetString()!;
            using var wallet = await secret.PostJsonAsync("/v1/wallets", $$"""{"address": "{{TestAddresses.Random()}}"}""");
            using var button = await secret.PostJsonAsync("/v1/buttons", """{"amount_min": 1, "amount_max": 50, "label": "Tip"}""");
            using var paymentLink = await secret.PostJsonAsync("/v1/payment_links", """{"product_name": "Tea", "amount": 1}""");
            using var endpoint = await secret.PostJsonAsync("/v1/webhook_endpoints", """{"url": "https://shop.example/hook", "enabled_events": ["*"]}""");
            // The example priced in US dollars needs a rate.
            await app.Services.GetRequiredService<FixedRates>().SetAsync(merchant.MerchantId, "USD", 0.3255m);

            var order = (await app.Services.GetRequiredService<OrderService>().CreateAsync(merchant.TestScope, new CreateOrderRequest(2m, null, WalletAddress: SandboxTestWallet.Address))).Value!;
            await app.Services.GetRequiredService<IPaymentSink>().HandleAsync(OrderFixtures.PaymentFor(order, 3m), CancellationToken.None);

            return new(secret, publishable, new Dictionary<string, string>
            {
                ["{orderId}"] = pending,
                ["{walletId}"] = (await wallet.JsonAsync()).GetProperty("id").GetString()!,
                ["{buttonId}"] = (await button.JsonAsync()).GetProperty("button_id").GetString()!,
                ["{paymentLinkId}"] = (await paymentLink.JsonAsync()).GetProperty("payment_link_id").GetString()!,
                ["{endpointId}"] = (await endpoint.JsonAsync()).GetProperty("id").GetString()!,
            }, order.Id);
        }

        private HttpClient ClientFor(string path) => path.StartsWith("/v1/public/", StringComparison.Ordinal) ? publishable : secret;

        public void Dispose()
        {
            secret.Dispose();
            publishable.Dispose();
        }

        public Task<HttpResponseMessage> SendAsync(string path, string method, string body)
        {
            // Reviews and refunds are of confirmed orders; every other example's order is the one waiting for payment.
            var orderId = path is "/v1/reviews" or "/request" or "/v1/refunds" ? confirmedOrderId : ids["{orderId}"];
            var filledBody = body.Replace(SeedExamples.OrderId, orderId, StringComparison.Ordinal)
                .Replace(SeedReviewOrderId, orderId, StringComparison.Ordinal);
            return SendAsync(path, method, Encoding.UTF8.GetBytes(filledBody));
        }

        /// <summary>Reads <paramref name="location"/> with the key <paramref name="path"/> took.</summary>
        public Task<HttpResponseMessage> GetAsync(string path, Uri location) => ClientFor(path).GetAsync(location);

        /// <summary>Sends <paramref name="body"/> as it is, with the key the path takes.</summary>
        public Task<HttpResponseMessage> SendAsync(string path, string method, byte[] body)
        {
            var url = ids.Aggregate(path, (filled, id) => filled.Replace(id.Key, id.Value, StringComparison.Ordinal));
            return ClientFor(path).SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new ByteArrayContent(body) { Headers = { { "Content-Type", Json } } } });
        }
    }
}
