using System.Globalization;
using System.Net;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Reviews;

/// <summary><c>POST /v1/reviews</c>, <c>GET /v1/reviews</c>, <c>GET /v1/reviews/{id}</c> and the widget's <c>GET /v1/public/reviews</c> on Kestrel.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class ReviewsApiTests(FluxAppFactory app)
{
    [Fact]
    public async Task A_confirmed_order_gets_a_review_link_that_opens_the_review_page()
    {
        var (merchant, order) = await MerchantWithConfirmedOrderAsync();
        using var client = app.ApiClient(merchant.TestKey);

        using var response = await client.PostJsonAsync("/v1/reviews", $$"""{"order_id": "{{order.Id}}", "product_name": "Premium Subscription"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var request = await response.JsonAsync();
        Assert.Matches("^rvr_[0-9A-Za-z]{20}$", request.GetProperty("review_request_id").GetString());
        Assert.Equal(order.Id, request.GetProperty("order_id").GetString());
        Assert.Equal("Premium Subscription", request.GetProperty("product_name").GetString());
        Assert.Equal("requested", request.GetProperty("status").GetString());
        Assert.False(request.GetProperty("livemode").GetBoolean());
        var created = DateTimeOffset.Parse(request.GetProperty("created_at").GetString()!, CultureInfo.InvariantCulture);
        var expires = DateTimeOffset.Parse(request.GetProperty("expires_at").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromDays(30), expires - created);
        var reviewUrl = request.GetProperty("review_url").GetString()!;
        Assert.Matches($"^{app.BaseAddress.GetLeftPart(UriPartial.Authority)}/r/[A-Za-z0-9_-]{{43}}$", reviewUrl);

        using var page = await app.CreateClient().GetAsync(reviewUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Premium Subscription", html);
        Assert.Contains("shop.test", html); // the merchant's name: its e-mail's domain
    }

    [Fact]
    public async Task An_unknown_order_is_404_naming_order_id()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.TestKey);

        using var response = await client.PostJsonAsync("/v1/reviews", """{"order_id": "ord_doesnotexist", "product_name": "Tea"}""");

        await response.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found", "order_id");
    }

    [Fact]
    public async Task Another_merchants_confirmed_order_is_404_and_gets_no_request()
    {
        var (victim, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = await app.ConfirmedOrderAsync(victim);
        var intruder = await app.NewApiMerchantAsync();

        using var response = await app.ApiClient(intruder.TestKey)
            .PostJsonAsync("/v1/reviews", $$"""{"order_id": "{{order.Id}}", "product_name": "Tea"}""");

        await response.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found", "order_id");
        Assert.Empty(await app.Reviews().PendingRequestsAsync(victim));
    }

    [Fact]
    public async Task The_live_key_does_not_see_a_test_order()
    {
        var (merchant, order) = await MerchantWithConfirmedOrderAsync();

        using var response = await app.ApiClient(merchant.LiveKey)
            .PostJsonAsync("/v1/reviews", $$"""{"order_id": "{{order.Id}}", "product_name": "Tea"}""");

        await response.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found", "order_id");
    }

    [Fact]
    public async Task An_unconfirmed_order_is_400_naming_order_id()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddWalletAsync(merchant.TestScope);
        var order = await app.PendingOrderAsync(merchant.TestScope);

        using var response = await app.ApiClient(merchant.TestKey)
            .PostJsonAsync("/request", $$"""{"order_id": "{{order.Id}}", "product_name": "Tea"}""");

        var error = await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "order_id");
        Assert.Contains("pending_confirmation", error.GetProperty("message").GetString());
        Assert.Empty(await app.Reviews().PendingRequestsAsync(merchant.TestScope));
    }

    [Theory]
    [InlineData("""{"order_id": "ORDER", "product_name": ""}""", "product_name")]
    [InlineData("""{"order_id": "ORDER"}""", "product_name")]
    [InlineData("""{"product_name": "Tea"}""", "order_id")]
    [InlineData("""{"order_id": 12345, "product_name": "Tea"}""", "order_id")]
    public async Task Missing_or_malformed_fields_are_400_naming_the_field(string body, string param)
    {
        var (merchant, order) = await MerchantWithConfirmedOrderAsync();

        using var response = await app.ApiClient(merchant.TestKey).PostJsonAsync("/v1/reviews", body.Replace("ORDER", order.Id));

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
    }

    [Fact]
    public async Task A_product_name_over_200_characters_is_400()
    {
        var (merchant, order) = await MerchantWithConfirmedOrderAsync();

        using var response = await app.ApiClient(merchant.TestKey)
            .PostJsonAsync("/v1/reviews", $$"""{"order_id": "{{order.Id}}", "product_name": "{{new string('x', 201)}}"}""");

        var error = await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "product_name");
        Assert.Contains("200", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_list_shows_requests_with_their_reviews_but_never_the_link()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddWalletAsync(merchant.TestScope);
        var reviewed = await app.ConfirmedOrderAsync(merchant.TestScope);
        var waiting = await app.ConfirmedOrderAsync(merchant.TestScope);
        var token = (await app.Reviews().RequestAsync(merchant.TestScope, reviewed.Id, "Tea")).Value!.Token;
        await app.Reviews().SubmitAsync(token, ReviewFixtures.GoodReview);
        await app.Reviews().RequestAsync(merchant.TestScope, waiting.Id, "Cake");
        using var client = app.ApiClient(merchant.TestKey);

        var list = await (await client.GetAsync("/v1/reviews")).JsonAsync();
        var page = await (await client.GetAsync("/v1/reviews?limit=1")).JsonAsync();

        var rows = list.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(System.Text.Json.JsonValueKind.Null, r.GetProperty("review_url").ValueKind));
        var submitted = Assert.Single(rows, r => r.GetProperty("order_id").GetString() == reviewed.Id);
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        var review = submitted.GetProperty("review");
        Assert.Equal(5, review.GetProperty("rating").GetInt32());
        Assert.Equal(reviewed.TransactionHash, review.GetProperty("verified_purchase").GetProperty("transaction_hash").GetString());
        Assert.Equal("requested", Assert.Single(rows, r => r.GetProperty("order_id").GetString() == waiting.Id).GetProperty("status").GetString());
        Assert.True(page.GetProperty("has_more").GetBoolean());
        Assert.Single(page.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task A_request_is_read_back_at_its_location_with_its_review_once_written_and_never_the_link()
    {
        var (merchant, order) = await MerchantWithConfirmedOrderAsync();
        using var client = app.ApiClient(merchant.TestKey);
        using var response = await client.PostJsonAsync("/v1/reviews", $$"""{"order_id": "{{order.Id}}", "product_name": "Tea"}""");
        var created = await response.JsonAsync();
        var id = created.GetProperty("review_request_id").GetString()!;
        Assert.Equal($"/v1/reviews/{id}", response.Headers.Location?.ToString());

        var requested = await (await client.GetAsync(response.Headers.Location)).JsonAsync();
        Assert.Equal(id, requested.GetProperty("review_request_id").GetString());
        Assert.Equal("requested", requested.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, requested.GetProperty("review_url").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, requested.GetProperty("review").ValueKind);
        var token = created.GetProperty("review_url").GetString()!.Split('/')[^1];
        await app.Reviews().SubmitAsync(token, ReviewFixtures.GoodReview);
        var submitted = await (await client.GetAsync($"/v1/reviews/{id}")).JsonAsync();
        var listed = (await (await client.GetAsync("/v1/reviews")).JsonAsync()).GetProperty("data")[0];

        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(order.TransactionHash, submitted.GetProperty("review").GetProperty("verified_purchase").GetProperty("transaction_hash").GetString());
        Assert.Equal(listed.GetRawText(), submitted.GetRawText());
    }

    [Fact]
    public async Task Another_merchants_request_or_the_other_modes_is_404()
    {
        var (owner, order) = await MerchantWithConfirmedOrderAsync();
        var id = (await app.Reviews().RequestAsync(owner.TestScope, order.Id, "Tea")).Value!.Request.Id;
        var stranger = await app.NewApiMerchantAsync();

        foreach (var key in new[] { stranger.TestKey, stranger.LiveKey, owner.LiveKey })
        {
            using var client = app.ApiClient(key);
            using var response = await client.GetAsync($"/v1/reviews/{id}");
            var error = await response.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
            Assert.Equal($"No such review request: '{id}'.", error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task The_public_list_shows_only_visible_reviews_of_the_keys_merchant_with_badges_and_open_cors()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddWalletAsync(merchant.TestScope);
        var shownOrder = await app.ConfirmedOrderAsync(merchant.TestScope);
        var hiddenOrder = await app.ConfirmedOrderAsync(merchant.TestScope);
        var shown = (await app.Reviews().SubmitAsync((await app.Reviews().RequestAsync(merchant.TestScope, shownOrder.Id, "Tea")).Value!.Token, ReviewFixtures.GoodReview)).Review!;
        var hidden = (await app.Reviews().SubmitAsync((await app.Reviews().RequestAsync(merchant.TestScope, hiddenOrder.Id, "Cake")).Value!.Token,
            new(1, null, "Never again", "Bob"))).Review!;
        await app.Reviews().SetHiddenAsync(merchant.TestScope, hidden.Id, true);
        using var client = app.ApiClient(merchant.Test.Publishable.Secret);
        client.DefaultRequestHeaders.Add("Origin", "https://shop.example");

        using var response = await client.GetAsync("/v1/public/reviews");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var list = await response.JsonAsync();
        Assert.Equal("shop.test", list.GetProperty("merchant_name").GetString());
        Assert.Equal(1, list.GetProperty("review_count").GetInt32());
        Assert.Equal(5.0m, list.GetProperty("average_rating").GetDecimal());
        var review = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.Equal(shown.Id, review.GetProperty("review_id").GetString());
        Assert.False(review.TryGetProperty("order_id", out _));
        var badge = review.GetProperty("verified_purchase");
        Assert.Equal(shownOrder.TransactionHash, badge.GetProperty("transaction_hash").GetString());
        Assert.Equal($"{app.BaseAddress.GetLeftPart(UriPartial.Authority)}/sandbox/horizon/transactions/{shownOrder.TransactionHash}",
            badge.GetProperty("explorer_url").GetString());
    }

    [Fact]
    public async Task The_public_list_needs_a_publishable_key_and_refuses_a_secret_one()
    {
        var merchant = await app.NewApiMerchantAsync();

        using var none = await app.CreateClient().GetAsync("/v1/public/reviews");
        using var secret = await app.ApiClient(merchant.TestKey).GetAsync("/v1/public/reviews");
        using var cursor = await app.ApiClient(merchant.Test.Publishable.Secret).GetAsync("/v1/public/reviews?starting_after=rev_x");

        await none.AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
        await secret.AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
        await cursor.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "starting_after");
    }

    private async Task<(ApiMerchant Merchant, Order Order)> MerchantWithConfirmedOrderAsync()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddWalletAsync(merchant.TestScope);
        return (merchant, await app.ConfirmedOrderAsync(merchant.TestScope));
    }
}
