using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Api;

/// <summary>
/// Every input is honoured or refused (issue #27): a field or query parameter an endpoint does not take is a 400 naming
/// it, a parameter given twice too, and a body that is not JSON is a 415 — checked in one place for every endpoint.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class InputsRefusedTests(FluxAppFactory app)
{
    private static Task<ApiMerchant>? merchant;

    /// <summary>One merchant with a default wallet for the cases that create nothing.</summary>
    private Task<ApiMerchant> MerchantAsync() => LazyInitializer.EnsureInitialized(ref merchant, async () =>
    {
        var created = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(created.TestScope);
        return created;
    });

    [Fact]
    public async Task A_misspelt_merchant_wallet_is_400_naming_it_and_pays_no_default_wallet()
    {
        var (client, ordersBefore) = await ClientAndOrderCountAsync();

        using var response = await client.PostJsonAsync("/v1/orders", """{"amount": 10.0, "merchant_walet": "GD5YHQWSTDLU4I2TVSTTLVKXI3RDEOYMPC66EYS32JBPBTKWT4X2EWBW"}""");

        var error = await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "merchant_walet");
        Assert.Contains("merchant_wallet", error.GetProperty("message").GetString());
        Assert.Equal(ordersBefore, await OrderCountAsync(client));
    }

    public static TheoryData<string, string, string> UnknownBodyFields() => new()
    {
        { "/order/confirm", """{"amount": 10.0, "Amount": 11}""", "Amount" },
        { "/v1/payments", """{"amount": 10.0, "metadata": {"sku": "A1"}}""", "metadata" },
        { "/v1/buttons", """{"amount": 5, "label": "Mug", "style": {"colour": "blue"}}""", "style.colour" },
        { "/v1/webhook_endpoints", """{"url": "https://shop.example/hook", "enabled_events": ["*"], "secret": "mine"}""", "secret" },
        { "/v1/reviews", """{"order_id": "ord_x", "product_name": "Mug", "rating": 5}""", "rating" },
        { "/request", """{"order_id": "ord_x", "productName": "Mug"}""", "productName" },
        { "/v1/sandbox/payments", """{"order_id": "ord_x", "amout": 5}""", "amout" },
        { "/v1/orders/ord_x/cancel", """{"cancellation_reason": "duplicate"}""", "cancellation_reason" },
    };

    [Theory]
    [MemberData(nameof(UnknownBodyFields))]
    public async Task A_body_field_the_endpoint_does_not_take_is_400_naming_it(string path, string body, string param)
    {
        using var client = app.ApiClient((await MerchantAsync()).TestKey);

        using var response = await client.PostJsonAsync(path, body);

        var error = await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
        Assert.StartsWith($"Received unknown parameter: {param}.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_body_field_given_twice_is_400_naming_it()
    {
        var (client, ordersBefore) = await ClientAndOrderCountAsync();

        using var response = await client.PostJsonAsync("/v1/orders", """{"amount": 10.0, "amount": 1000.0}""");

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "amount");
        Assert.Equal(ordersBefore, await OrderCountAsync(client));
    }

    [Theory]
    [InlineData("GET", "/v1/orders?stauts=confirmed", "stauts")]
    [InlineData("GET", "/v1/orders?limit=5&expand[]=payments", "expand[]")]
    [InlineData("GET", "/v1/payments?order=ord_x", "order")]
    [InlineData("GET", "/v1/events?typ=order.created", "typ")]
    [InlineData("GET", "/v1/orders/ord_x?expand=payments", "expand")]
    [InlineData("GET", "/v1/credits/balance?livemode=true", "livemode")]
    [InlineData("GET", "/v1/credits/ledger?kind=purchase", "kind")]
    [InlineData("POST", "/v1/orders?amount=5", "amount")]
    [InlineData("POST", "/order/confirm?merchant_wallet=G", "merchant_wallet")]
    [InlineData("GET", "/v1/orders?status=confirmed&status=expired", "status")]
    [InlineData("GET", "/v1/events?type=order.created&type=credit.used", "type")]
    public async Task A_query_parameter_the_endpoint_does_not_take_or_gets_twice_is_400_naming_it(string method, string pathAndQuery, string param)
    {
        using var client = app.ApiClient((await MerchantAsync()).TestKey);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), pathAndQuery)
        {
            Content = method == "POST" ? new StringContent("""{"amount": 1.0}""", Encoding.UTF8, "application/json") : null,
        });

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
    }

    [Fact]
    public async Task A_public_endpoint_refuses_an_unknown_query_parameter_too()
    {
        using var client = app.ApiClient((await MerchantAsync()).Test.Publishable.Secret);

        using var known = await client.GetAsync("/v1/public/reviews?limit=3");
        using var unknown = await client.GetAsync("/v1/public/reviews?limt=3");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        await unknown.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "limt");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task A_body_that_is_not_json_in_utf8_is_415(string? contentType)
    {
        var (client, ordersBefore) = await ClientAndOrderCountAsync();
        var content = new ByteArrayContent("""{"amount": 10.0}"""u8.ToArray());
        if (contentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PostAsync("/v1/orders", content);
        using var cancel = await client.PostAsync("/v1/orders/ord_x/cancel", new ByteArrayContent("{}"u8.ToArray()) { Headers = { ContentType = content.Headers.ContentType } });

        var error = await response.AssertApiErrorAsync(HttpStatusCode.UnsupportedMediaType, "invalid_request");
        Assert.Contains("application/json", error.GetProperty("message").GetString());
        await cancel.AssertApiErrorAsync(HttpStatusCode.UnsupportedMediaType, "invalid_request");
        Assert.Equal(ordersBefore, await OrderCountAsync(client));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=\"UTF-8\"")]
    public async Task Json_in_utf8_is_read(string contentType)
    {
        using var client = app.ApiClient((await MerchantAsync()).TestKey);
        var content = new ByteArrayContent("""{"amount": 10.0}"""u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await client.PostAsync("/v1/orders", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>
    /// What stays as it was: a POST without a body (the SDK's cancel, curl -X POST) and a GET that says
    /// Content-Type: application/json without a body (the product docs' authentication sample).
    /// </summary>
    [Fact]
    public async Task Requests_without_a_body_need_no_content_type()
    {
        using var client = app.ApiClient((await MerchantAsync()).TestKey);
        var orderId = (await client.CreateOrderAsync()).GetProperty("order_id").GetString();
        var otherId = (await client.CreateOrderAsync()).GetProperty("order_id").GetString();

        using var noBody = await client.PostAsync($"/v1/orders/{orderId}/cancel", null);
        using var emptyObject = await client.PostJsonAsync($"/v1/orders/{otherId}/cancel", "{}");
        using var seedGet = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/payments")
        {
            Content = new ByteArrayContent([]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        });
        using var emptyPost = await client.PostAsync("/v1/orders", new ByteArrayContent([]) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } });

        Assert.Equal(HttpStatusCode.OK, noBody.StatusCode);
        Assert.Equal(HttpStatusCode.OK, emptyObject.StatusCode);
        Assert.Equal(HttpStatusCode.OK, seedGet.StatusCode);
        await emptyPost.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "amount");
    }

    public static TheoryData<string, string> BadFilterValues() => new()
    {
        { "/v1/orders?status=shipped", "status" },
        { "/v1/orders?status=", "status" },
        { "/v1/orders?button_id=", "button_id" },
        { "/v1/orders?created[gte]=yesterday", "created[gte]" },
        { "/v1/orders?created[lte]=2025-05-27", "created[lte]" },
        { "/v1/orders?created[gte]=2025-05-27T22:45:13", "created[gte]" },
        { "/v1/orders?created[gte]=2025-05-28T00:00:00Z&created[lte]=2025-05-27T00:00:00Z", "created[gte]" },
        { "/v1/payments?unmatched=yes", "unmatched" },
        { "/v1/payments?order_id=", "order_id" },
        { "/v1/payments?order_id=ord_x&unmatched=true", "unmatched" },
        { "/v1/events?created[gte]=1716849913", "created[gte]" },
    };

    [Theory]
    [MemberData(nameof(BadFilterValues))]
    public async Task A_filter_with_a_value_it_cannot_take_is_400_naming_it(string pathAndQuery, string param)
    {
        using var client = app.ApiClient((await MerchantAsync()).TestKey);

        using var response = await client.GetAsync(pathAndQuery);

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
    }

    private async Task<(HttpClient Client, int Orders)> ClientAndOrderCountAsync()
    {
        var client = app.ApiClient((await MerchantAsync()).TestKey);
        return (client, await OrderCountAsync(client));
    }

    private static async Task<int> OrderCountAsync(HttpClient client) =>
        (await (await client.GetAsync("/v1/orders?limit=100")).JsonAsync()).GetProperty("data").GetArrayLength();
}
