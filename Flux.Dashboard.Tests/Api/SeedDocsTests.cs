using System.Net;
using System.Text;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Features.Reviews;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Reviews;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Api;

/// <summary>Every request and response of the product docs' requests (docs/api.md), verbatim, against Flux running on Kestrel.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class SeedDocsTests(FluxAppFactory app)
{
    [Fact]
    public async Task Get_v1_payments_with_the_seed_headers_returns_a_list()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.CreateClient();

        // GET /v1/payments HTTP/1.1 · Authorization: Bearer … · Content-Type: application/json
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/payments");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {merchant.TestKey}");
        request.Content = new StringContent("", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(ApiFixtures.RequestIdPattern(), Assert.Single(response.Headers.GetValues("Request-Id")));
        var list = await response.JsonAsync();
        Assert.Equal("list", list.GetProperty("object").GetString());
        Assert.Equal(0, list.GetProperty("data").GetArrayLength());
        Assert.False(list.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task Post_order_confirm_with_the_seed_body_creates_a_pending_order_on_the_sandbox_test_wallet()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.TestKey);

        using var response = await client.PostAsync("/order/confirm", new StringContent(ApiFixtures.SeedOrderBody, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await response.JsonAsync();
        Assert.StartsWith("ord_", order.GetProperty("order_id").GetString());
        Assert.Equal("10.0", order.GetProperty("amount").GetRawText());
        Assert.Equal("pending_confirmation", order.GetProperty("status").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", order.GetProperty("created_at").GetString());
        var createdAt = DateTimeOffset.Parse(order.GetProperty("created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(createdAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Equal(SandboxTestWallet.Address, order.GetProperty("pay_to").GetString());
        Assert.Equal(order.GetProperty("order_id").GetString(), order.GetProperty("memo").GetString());
        Assert.Equal($"{app.BaseAddress.GetLeftPart(UriPartial.Authority)}/checkout/{order.GetProperty("order_id").GetString()}",
            order.GetProperty("checkout_url").GetString());
        Assert.False(order.GetProperty("livemode").GetBoolean());
        Assert.Equal("Premium subscription", order.GetProperty("description").GetString());
        Assert.True(order.TryGetProperty("expires_at", out _));

        // The merchant had not registered the test wallet: the request registered it for them, once.
        using var scope = app.Services.CreateScope();
        var wallets = await scope.ServiceProvider.GetRequiredService<WalletService>().ListAsync(merchant.TestScope);
        Assert.Equal(SandboxTestWallet.Address, Assert.Single(wallets).Address);
        using var again = await client.PostAsync("/order/confirm", new StringContent(ApiFixtures.SeedOrderBody, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Single(await scope.ServiceProvider.GetRequiredService<WalletService>().ListAsync(merchant.TestScope));
    }

    [Fact]
    public async Task The_seed_payments_create_call_posts_to_v1_payments()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.TestKey);
        await app.AddUnwatchedWalletAsync(merchant.TestScope);

        // flux.payments.create({ amount: 10.0, currency: 'PI', description: 'Premium subscription' })
        using var response = await client.PostJsonAsync("/v1/payments", """{"amount": 10.0, "currency": "PI", "description": "Premium subscription"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("pending_confirmation", (await response.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_bad_key_gets_the_seed_error_shape_and_message()
    {
        using var client = app.ApiClient("your_api_key_here");

        using var response = await client.GetAsync("/v1/payments");

        var error = await response.AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
        Assert.Equal("The provided API key is invalid", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_seed_test_wallet_is_refused_in_live_mode_as_the_sandbox_wallet()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.LiveKey);

        using var response = await client.PostAsync("/order/confirm", new StringContent(ApiFixtures.SeedOrderBody, Encoding.UTF8, "application/json"));

        var error = await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "merchant_wallet");
        Assert.Contains("sandbox test wallet", error.GetProperty("message").GetString());
    }

    /// <summary>The product docs' "Request a Review" body, byte for byte.</summary>
    private const string SeedReviewRequestBody = """
        {
        "order_id": "order_12345",
        "product_name": "Premium Subscription"
        }
        """;

    [Fact]
    public async Task Post_request_with_the_seed_body_answers_in_the_seed_shapes()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddWalletAsync(merchant.TestScope);
        var order = await app.ConfirmedOrderAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);

        // "Request a Review" · POST /request, the body byte for byte: its order_id is the docs' placeholder, no order of the merchant.
        using var placeholder = await client.PostJsonAsync("/request", SeedReviewRequestBody);
        // The same body naming the merchant's confirmed order.
        using var response = await client.PostJsonAsync("/request", SeedReviewRequestBody.Replace("order_12345", order.Id));

        var error = await placeholder.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found", "order_id");
        Assert.Equal("No such order: 'order_12345'.", error.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var request = await response.JsonAsync();
        Assert.StartsWith("rvr_", request.GetProperty("review_request_id").GetString());
        Assert.StartsWith($"{app.BaseAddress.GetLeftPart(UriPartial.Authority)}/r/", request.GetProperty("review_url").GetString());
        Assert.Equal(order.Id, request.GetProperty("order_id").GetString());
        Assert.Equal("Premium Subscription", request.GetProperty("product_name").GetString());
        Assert.Equal("requested", request.GetProperty("status").GetString());
        Assert.Equal(SeedReviewRequestBody, ReviewExamples.SeedRequest); // the API reference shows the same body
    }
}
