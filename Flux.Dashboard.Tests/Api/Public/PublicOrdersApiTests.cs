using System.Net;
using System.Text.Json;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Api.Public;

/// <summary><c>/v1/public</c>: browser code creates orders with a publishable key and follows them by id alone.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class PublicOrdersApiTests(FluxAppFactory app) : IDisposable
{
    private const string Origin = "https://shop.example";
    private static readonly TimeSpan StreamWait = TimeSpan.FromSeconds(20);

    private static readonly string[] PublicFields =
    [
        "order_id", "status", "amount", "amount_received", "amount_due", "currency", "price", "rate", "pay_to", "memo", "expires_at", "livemode",
        "transaction_hash",
    ];

    private readonly List<HttpClient> clients = [];

    public void Dispose() => clients.ForEach(c => c.Dispose());

    [Fact]
    public async Task A_preflight_from_another_origin_is_allowed_for_the_public_endpoints()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/public/orders");
        preflight.Headers.Add("Origin", Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,idempotency-key");

        using var response = await Client(null).SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Single(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Single(response, "Access-Control-Allow-Methods").Split(','));
        var headers = Single(response, "Access-Control-Allow-Headers").Split(',').Select(h => h.Trim().ToLowerInvariant());
        Assert.Equal(["authorization", "content-type", "idempotency-key"], headers.Order());
    }

    [Fact]
    public async Task Public_responses_carry_the_cors_headers_and_the_secret_api_does_not()
    {
        var (merchant, wallet) = await MerchantAsync();
        var order = await CreatePublicOrderAsync(merchant, wallet);
        var browser = Client(null);
        browser.DefaultRequestHeaders.Add("Origin", Origin);

        using var status = await browser.GetAsync($"/v1/public/orders/{order.GetProperty("order_id").GetString()}");
        var secret = Client(merchant.TestKey);
        secret.DefaultRequestHeaders.Add("Origin", Origin);
        using var secretList = await secret.GetAsync("/v1/orders");

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("*", Single(status, "Access-Control-Allow-Origin"));
        Assert.Contains("Request-Id", Single(status, "Access-Control-Expose-Headers"));
        Assert.Equal(HttpStatusCode.OK, secretList.StatusCode);
        Assert.False(secretList.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_publishable_key_creates_an_order_to_its_merchants_wallet()
    {
        var (merchant, wallet) = await MerchantAsync();

        var order = await CreatePublicOrderAsync(merchant, wallet, """, "description": "Tea", "currency": "PI" """);

        Assert.Equal(PublicFields, order.EnumerateObject().Select(p => p.Name));
        Assert.Equal("pending_confirmation", order.GetProperty("status").GetString());
        Assert.Equal(wallet, order.GetProperty("pay_to").GetString());
        Assert.Equal(2.5m, order.GetProperty("amount_due").GetDecimal());
        Assert.False(order.GetProperty("livemode").GetBoolean());
        // The merchant sees it through the secret API, with the description browser code cannot read back.
        var full = await (await Client(merchant.TestKey).GetAsync($"/v1/orders/{order.GetProperty("order_id").GetString()}")).JsonAsync();
        Assert.Equal("Tea", full.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_publishable_test_key_can_name_the_sandbox_test_wallet_as_the_secret_api_allows()
    {
        var merchant = await app.NewApiMerchantAsync();

        var order = await CreatePublicOrderAsync(merchant, SandboxTestWallet.Address);

        Assert.Equal(SandboxTestWallet.Address, order.GetProperty("pay_to").GetString());
    }

    [Theory]
    [InlineData("other merchant")]
    [InlineData("other mode")]
    [InlineData("missing")]
    public async Task An_order_to_a_wallet_not_of_the_keys_merchant_and_mode_is_refused(string wallet)
    {
        var (merchant, _) = await MerchantAsync();
        var (other, otherWallet) = await MerchantAsync();
        var liveWallet = await app.AddUnwatchedWalletAsync(merchant.LiveScope);
        var body = wallet switch
        {
            "other merchant" => $$"""{"amount": 1, "merchant_wallet": "{{otherWallet}}"}""",
            "other mode" => $$"""{"amount": 1, "merchant_wallet": "{{liveWallet}}"}""",
            _ => """{"amount": 1}""",
        };

        using var response = await Client(merchant.Test.Publishable.Secret).PostJsonAsync("/v1/public/orders", body);

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "merchant_wallet");
        Assert.Empty((await (await Client(other.TestKey).GetAsync("/v1/orders")).JsonAsync()).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task A_secret_key_is_refused_by_every_public_endpoint()
    {
        var (merchant, wallet) = await MerchantAsync();
        var orderId = (await CreatePublicOrderAsync(merchant, wallet)).GetProperty("order_id").GetString();
        var leaked = Client(merchant.TestKey);

        foreach (var response in new[]
                 {
                     await leaked.PostJsonAsync("/v1/public/orders", $$"""{"amount": 1, "merchant_wallet": "{{wallet}}"}"""),
                     await leaked.GetAsync($"/v1/public/orders/{orderId}"),
                     await leaked.GetAsync($"/v1/public/orders/{orderId}/stream"),
                 })
        {
            using (response)
            {
                var error = await response.AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
                Assert.Contains("must never be used in browser code", error.GetProperty("message").GetString());
            }
        }
    }

    [Fact]
    public async Task Creating_an_order_needs_a_publishable_key_and_a_bad_key_is_refused_everywhere()
    {
        var (merchant, wallet) = await MerchantAsync();
        var orderId = (await CreatePublicOrderAsync(merchant, wallet)).GetProperty("order_id").GetString();

        using var none = await Client(null).PostJsonAsync("/v1/public/orders", $$"""{"amount": 1, "merchant_wallet": "{{wallet}}"}""");
        using var bad = await Client("pk_test_notakey").GetAsync($"/v1/public/orders/{orderId}");

        var error = await none.AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
        Assert.Contains("publishable key", error.GetProperty("message").GetString());
        await bad.AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
    }

    [Fact]
    public async Task Anyone_with_the_order_id_reads_only_its_public_fields()
    {
        var (merchant, wallet) = await MerchantAsync();
        var orderId = (await CreatePublicOrderAsync(merchant, wallet, """, "description": "Private note" """)).GetProperty("order_id").GetString();

        using var response = await Client(null).GetAsync($"/v1/public/orders/{orderId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await response.JsonAsync();
        Assert.Equal(PublicFields, order.EnumerateObject().Select(p => p.Name));
        Assert.Equal(orderId, order.GetProperty("order_id").GetString());
        Assert.Equal(orderId, order.GetProperty("memo").GetString());
        Assert.Equal("PI", order.GetProperty("currency").GetString());
        Assert.Equal(0m, order.GetProperty("amount_received").GetDecimal());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("transaction_hash").ValueKind);
        Assert.DoesNotContain(merchant.MerchantId, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_order_is_404_in_the_error_shape()
    {
        using var status = await Client(null).GetAsync("/v1/public/orders/ord_doesnotexist");
        using var stream = await Client(null).GetAsync("/v1/public/orders/ord_doesnotexist/stream");

        await status.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        await stream.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Fact]
    public async Task The_stream_sends_the_status_at_once_then_each_change_and_ends_after_the_final_one()
    {
        var merchant = await app.NewApiMerchantAsync();
        var orderId = (await CreatePublicOrderAsync(merchant, SandboxTestWallet.Address)).GetProperty("order_id").GetString();
        using var timeout = new CancellationTokenSource(StreamWait);
        using var response = await Client(null).GetAsync($"/v1/public/orders/{orderId}/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var first = await NextOrderEventAsync(reader, timeout.Token);
        using var paid = await Client(merchant.TestKey).PostJsonAsync("/v1/sandbox/payments", $$"""{"order_id": "{{orderId}}"}""");
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        var rest = new List<JsonElement>();
        while (await NextOrderEventAsync(reader, timeout.Token) is { } next)
            rest.Add(next);

        Assert.Equal("pending_confirmation", first!.Value.GetProperty("status").GetString());
        var confirmed = Assert.Single(rest);
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        Assert.Equal(PublicFields, confirmed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0m, confirmed.GetProperty("amount_due").GetDecimal());
        Assert.Equal((await paid.JsonAsync()).GetProperty("transaction_hash").GetString(), confirmed.GetProperty("transaction_hash").GetString());
    }

    [Fact]
    public async Task The_stream_of_a_final_order_sends_it_once_and_ends()
    {
        var (merchant, wallet) = await MerchantAsync();
        var orderId = (await CreatePublicOrderAsync(merchant, wallet)).GetProperty("order_id").GetString();
        using (var cancel = await Client(merchant.TestKey).PostAsync($"/v1/orders/{orderId}/cancel", null))
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        using var timeout = new CancellationTokenSource(StreamWait);

        var text = await Client(null).GetStringAsync($"/v1/public/orders/{orderId}/stream", timeout.Token);

        Assert.StartsWith("event: order\ndata: {", text);
        Assert.Contains("\"status\":\"canceled\"", text);
        Assert.Single(text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The next <c>order</c> event's data, skipping comments; null when the stream has ended.</summary>
    private static async Task<JsonElement?> NextOrderEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? type = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
                type = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && type == "order")
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
        }
        return null;
    }

    private async Task<(ApiMerchant Merchant, string Wallet)> MerchantAsync()
    {
        var merchant = await app.NewApiMerchantAsync();
        return (merchant, await app.AddUnwatchedWalletAsync(merchant.TestScope));
    }

    private async Task<JsonElement> CreatePublicOrderAsync(ApiMerchant merchant, string wallet, string extraFields = "")
    {
        using var response = await Client(merchant.Test.Publishable.Secret)
            .PostJsonAsync("/v1/public/orders", $$"""{"amount": 2.5, "merchant_wallet": "{{wallet}}"{{extraFields}}}""");
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private HttpClient Client(string? key)
    {
        var client = app.ApiClient(key);
        clients.Add(client);
        return client;
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);
}
