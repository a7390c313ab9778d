using System.Net;
using System.Text;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Api;

/// <summary>Client mistakes are 400s in the error shape, naming the field where there is one — never a 500.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class MalformedRequestTests(FluxAppFactory app)
{
    private static Task<ApiMerchant>? merchant;

    /// <summary>One merchant (with a default wallet) for all cases: the app lives for the whole test run.</summary>
    private Task<ApiMerchant> MerchantAsync() => LazyInitializer.EnsureInitialized(ref merchant, async () =>
    {
        var created = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(created.TestScope);
        return created;
    });

    private const string NoParam = "";

    public static TheoryData<string, string> BadOrderBodies() => new()
    {
        { "not json", NoParam },
        { "[1, 2]", NoParam },
        { "[]", NoParam },
        { "\"a string\"", NoParam },
        { "null", NoParam },
        { "42", NoParam },
        { "true", NoParam },
        { "{\"amount\": 10", NoParam },
        { "{\"amount\": 10,}", NoParam },
        { "{'amount': 10}", NoParam },
        { "{amount: 10}", NoParam },
        { "{\"amount\": 10} {}", NoParam },
        { "{\"amount\": NaN}", NoParam },
        { "{\"amount\": Infinity}", NoParam },
        { "{\"amount\": 0x10}", NoParam },
        { "{\"amount\": 010}", NoParam },
        { "{\"amount\": .5}", NoParam },
        { "{\"amount\": １０}", NoParam },
        { "{\"amount\": 10 /* comment */}", NoParam },
        { string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100), NoParam },
        { "", "amount" },
        { "{}", "amount" },
        { "{\"amount\": null}", "amount" },
        { "{\"amount\": \"ten\"}", "amount" },
        { "{\"amount\": \"10.0\"}", "amount" },
        { "{\"amount\": \"１０\"}", "amount" },
        { "{\"amount\": 1e400}", "amount" },
        { "{\"amount\": -1e400}", "amount" },
        { "{\"amount\": 1e-400}", "amount" },
        { "{\"amount\": 99999999999999999999999999999999}", "amount" },
        { "{\"amount\": 1.0000000000000000000000000000001}", "amount" },
        { "{\"amount\": 10.00000001}", "amount" },
        { "{\"amount\": 1000000000.0000001}", "amount" },
        { "{\"amount\": 1000000001}", "amount" },
        { "{\"amount\": 1e10}", "amount" },
        { "{\"amount\": -5}", "amount" },
        { "{\"amount\": 0}", "amount" },
        { "{\"amount\": -0.0}", "amount" },
        { "{\"amount\": true}", "amount" },
        { "{\"amount\": [10]}", "amount" },
        { "{\"amount\": {\"value\": 10}}", "amount" },
        { "{\"Amount\": 10}", "Amount" },
        { "{\"amount\": 10, \"currency\": \"USD\"}", "currency" },
        { "{\"amount\": 10, \"currency\": \"\"}", "currency" },
        { "{\"amount\": 10, \"currency\": \"ПИ\"}", "currency" },
        { "{\"amount\": 10, \"currency\": 1}", "currency" },
        { "{\"amount\": 10, \"currency\": [\"PI\"]}", "currency" },
        { "{\"amount\": 10, \"description\": 5}", "description" },
        { "{\"amount\": 10, \"description\": [\"a\"]}", "description" },
        { "{\"amount\": 10, \"description\": {\"$gt\": \"\"}}", "description" },
        { "{\"amount\": 10, \"description\": \"" + new string('x', 501) + "\"}", "description" },
        { "{\"amount\": 10, \"merchant_wallet\": 42}", "merchant_wallet" },
        { "{\"amount\": 10, \"merchant_wallet\": \"GABC\"}", "merchant_wallet" },
        { "{\"amount\": 10, \"merchant_wallet\": \"' OR 1=1 --\"}", "merchant_wallet" },
        { "{\"amount\": 10, \"merchant_wallet\": \"<script>alert(1)</script>\"}", "merchant_wallet" },
        { "{\"amount\": 10, \"merchant_wallet\": \"../../etc/passwd\"}", "merchant_wallet" },
        { "{\"amount\": 10, \"merchant_wallet\": \"" + SandboxTestWallet.Address[..^1] + "X\"}", "merchant_wallet" },
        { "{\"amount\": 10, \"merchant_wallet\": \"" + SandboxTestWallet.Address.ToLowerInvariant() + "\"}", "merchant_wallet" },
        { "{\"amount\": 10, \"merchant_wallet\": \"SBK2VIYYSVG76E7VC3QHYARNFLY2EAQXDHRC7BMXBBGIFG74ARPRMNQM\"}", "merchant_wallet" },
        { "{\"amount\": 10, \"merchant_wallet\": \"" + TestAddresses.Random() + "\"}", "merchant_wallet" },
    };

    [Theory]
    [MemberData(nameof(BadOrderBodies))]
    public async Task Bad_order_body_is_400_in_the_error_shape(string body, string param)
    {
        using var client = app.ApiClient((await MerchantAsync()).TestKey);

        using var response = await client.PostJsonAsync("/v1/orders", body);

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param == NoParam ? null : param);
    }

    [Fact]
    public async Task A_wallet_checksum_typo_is_named_as_such()
    {
        using var client = app.ApiClient((await MerchantAsync()).TestKey);

        using var response = await client.PostJsonAsync("/v1/orders", $$"""{"amount": 1, "merchant_wallet": "{{SandboxTestWallet.Address[..^1]}}X"}""");

        var error = await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "merchant_wallet");
        Assert.Contains("checksum", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/order/confirm")]
    [InlineData("/v1/payments")]
    [InlineData("/v1/sandbox/payments")]
    public async Task Every_post_refuses_a_json_array_and_broken_json(string path)
    {
        using var client = app.ApiClient((await MerchantAsync()).TestKey);

        using var array = await client.PostJsonAsync(path, "[{\"amount\": 10}]");
        using var broken = await client.PostJsonAsync(path, "{\"amount\": ");

        await array.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
        await broken.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Invalid_utf8_is_400()
    {
        using var client = app.ApiClient((await MerchantAsync()).TestKey);
        var bytes = Encoding.UTF8.GetBytes("{\"amount\": 10, \"description\": \"x\"}");
        bytes[bytes.Length - 3] = 0xC3; // a lead byte without its continuation

        using var response = await client.PostAsync("/v1/orders", new ByteArrayContent(bytes) { Headers = { { "Content-Type", "application/json" } } });

        var error = await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "description");
        Assert.Contains("not valid Unicode", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Invalid_utf8_in_a_field_name_is_400()
    {
        using var client = app.ApiClient((await MerchantAsync()).TestKey);
        // A surrogate written out as UTF-8 (ED A0 80), which UTF-8 does not allow, as the name of a field.
        byte[] bytes = [.. "{\"amount\": 10, \""u8, 0xED, 0xA0, 0x80, .. "\": 1}"u8];

        using var response = await client.PostAsync("/v1/orders", new ByteArrayContent(bytes) { Headers = { { "Content-Type", "application/json" } } });

        var error = await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains("not valid Unicode", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/v1/orders", "{\"amount\": 10, \"\\uD800\": 1}", null)]
    [InlineData("/v1/buttons", "{\"label\": \"Buy\", \"amount\": 1, \"style\": {\"\\uD800\": 1}}", "style")]
    public async Task A_lone_surrogate_escape_in_a_field_name_is_400(string path, string body, string? param)
    {
        using var client = app.ApiClient((await MerchantAsync()).TestKey);

        using var response = await client.PostJsonAsync(path, body);

        var error = await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
        Assert.Contains("not valid Unicode", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_a_string_is_400()
    {
        using var client = app.ApiClient((await MerchantAsync()).TestKey);

        using var response = await client.PostJsonAsync("/v1/orders", "{\"amount\": 10, \"description\": \"\\uD800\"}");

        var error = await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "description");
        Assert.Contains("not valid Unicode", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_1_MB_is_400_with_or_without_a_content_length(bool contentLength)
    {
        using var client = app.ApiClient((await MerchantAsync()).TestKey);
        var json = "{\"amount\": 10, \"description\": \"" + new string('x', 2 * 1024 * 1024) + "\"}";
        HttpContent content = contentLength
            ? new StringContent(json, Encoding.UTF8, "application/json")
            : new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(json)));

        using var response = await client.PostAsync("/v1/orders", content);

        var error = await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains("1 MB", error.GetProperty("message").GetString());
    }

    public static TheoryData<string, string> BadListQueries() => new()
    {
        { "limit=abc", "limit" },
        { "limit=0", "limit" },
        { "limit=101", "limit" },
        { "limit=-1", "limit" },
        { "limit=1.5", "limit" },
        { "limit=", "limit" },
        { "limit=1e1", "limit" },
        { "limit=%EF%BC%91", "limit" },
        { "limit=1&limit=2", "limit" },
        { "starting_after=ord_nope", "starting_after" },
        { "ending_before=ord_nope", "ending_before" },
        { "starting_after=%27%20OR%201%3D1%20--", "starting_after" },
        { "starting_after=a&ending_before=b", "ending_before" },
    };

    [Theory]
    [MemberData(nameof(BadListQueries))]
    public async Task Bad_list_parameters_are_400(string query, string param)
    {
        using var client = app.ApiClient((await MerchantAsync()).TestKey);

        using var orders = await client.GetAsync($"/v1/orders?{query}");
        using var payments = await client.GetAsync($"/v1/payments?{query.Replace("ord_nope", "12345")}");

        await orders.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
        await payments.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
    }

    [Theory]
    [InlineData("GET", "/v1/nothing-here")]
    [InlineData("GET", "/v1")]
    [InlineData("DELETE", "/v1/nothing-here")]
    [InlineData("GET", "/v1/orders/ord_x/refund")]
    public async Task Unknown_routes_are_404_in_the_shape(string method, string path)
    {
        using var client = app.ApiClient((await MerchantAsync()).TestKey);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Theory]
    [InlineData("ord_doesnotexist")]
    [InlineData("%27%3B%20DROP%20TABLE%20Orders%3B--")]
    [InlineData("%F0%9F%92%B8")]
    public async Task An_unknown_order_is_404_in_the_shape(string id)
    {
        using var client = app.ApiClient((await MerchantAsync()).TestKey);

        using var get = await client.GetAsync($"/v1/orders/{id}");
        using var cancel = await client.PostAsync($"/v1/orders/{id}/cancel", null);

        await get.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found", anyParam: true);
        await cancel.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found", anyParam: true);
    }

    /// <summary>A body of unknown length, so it goes chunked.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
