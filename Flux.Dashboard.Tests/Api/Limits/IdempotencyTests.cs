using System.Net;
using System.Text;
using Flux.Dashboard.Api.Idempotency;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Api.Limits;

[Collection(FluxAppCollection.Name)]
public sealed class IdempotencyTests(FluxAppFactory app) : IDisposable
{
    private const string OrderBody = """{"amount": 10.0, "description": "Premium subscription"}""";

    private readonly List<HttpClient> clients = [];

    public void Dispose() => clients.ForEach(c => c.Dispose());

    [Theory]
    [InlineData("/v1/orders")]
    [InlineData("/order/confirm")]
    [InlineData("/v1/payments")]
    public async Task Same_key_and_request_replays_the_first_response_and_creates_one_order(string path)
    {
        var (_, client) = await MerchantClientAsync();
        var key = NewKey();

        using var first = await client.PostAsync(path, Json(OrderBody, key));
        using var replay = await client.PostAsync(path, Json(OrderBody, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader)));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Content.Headers.ContentType, replay.Content.Headers.ContentType);
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.NotEqual(first.Headers.GetValues("Request-Id"), replay.Headers.GetValues("Request-Id"));
        Assert.Equal(1, await OrderCountAsync(client));
    }

    public static TheoryData<string> IdempotentWrites => new()
    {
        "cancel", "button", "button-update", "button-order", "public-order", "review", "seed-review", "webhook-endpoint",
        "webhook-endpoint-update", "sandbox-payment", "sandbox-order-payment", "wallet", "wallet-update", "payment-link",
        "payment-link-update", "refund", "refund-cancel",
    };

    /// <summary>
    /// Every API write keeps its answer in the transaction of its work: the same key replays the first answer, byte for
    /// byte, and the work is done once. (An endpoint that forgot to keep it would run again.)
    /// </summary>
    [Theory]
    [MemberData(nameof(IdempotentWrites))]
    public async Task Every_write_replays_its_first_answer_for_the_same_key(string write)
    {
        var (merchant, client) = await MerchantClientAsync();
        var (path, body, key) = await WriteAsync(write, merchant, client);
        var caller = write.StartsWith("button-order") || write == "public-order" ? Track(app.ApiClient(merchant.Test.Publishable.Secret)) : client;

        using var first = await caller.PostAsync(path, Json(body, key));
        var recordsAfterFirst = await RecordCountAsync(merchant.MerchantId);
        using var replay = await caller.PostAsync(path, Json(body, key));

        Assert.True(first.IsSuccessStatusCode, $"{path}: {first.StatusCode} {await first.Content.ReadAsStringAsync()}");
        Assert.False(first.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.Equal(1, recordsAfterFirst);
        Assert.Equal(first.StatusCode, replay.StatusCode);
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader)));
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await replay.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
    }

    /// <summary>What each write needs set up first, and its path and body.</summary>
    private async Task<(string Path, string Body, string Key)> WriteAsync(string write, ApiMerchant merchant, HttpClient client)
    {
        switch (write)
        {
            case "cancel":
                return ($"/v1/orders/{await NewOrderIdAsync(client)}/cancel", "{}", NewKey());
            case "button":
                return ("/v1/buttons", """{"amount": 5, "label": "Mug"}""", NewKey());
            case "button-update":
                return ($"/v1/buttons/{await CreatedIdAsync(client, "/v1/buttons", """{"amount": 5, "label": "Mug"}""", "button_id")}",
                    """{"label": "Cup"}""", NewKey());
            case "button-order":
                using (var button = await client.PostJsonAsync("/v1/buttons", """{"amount": 5, "label": "Mug"}"""))
                    return ($"/v1/public/buttons/{(await button.JsonAsync()).GetProperty("button_id").GetString()}/orders", "{}", NewKey());
            case "public-order":
                using (var order = await client.GetAsync($"/v1/orders/{await NewOrderIdAsync(client)}"))
                    return ("/v1/public/orders", $$"""{"amount": 3, "merchant_wallet": "{{(await order.JsonAsync()).GetProperty("pay_to").GetString()}}"}""", NewKey());
            case "review" or "seed-review":
                var confirmed = await ConfirmedOrderIdAsync(merchant);
                return (write == "review" ? "/v1/reviews" : "/request", $$"""{"order_id": "{{confirmed}}", "product_name": "Mug"}""", NewKey());
            case "webhook-endpoint":
                return ("/v1/webhook_endpoints", """{"url": "https://shop.example/hook", "enabled_events": ["*"]}""", NewKey());
            case "webhook-endpoint-update":
                return ($"/v1/webhook_endpoints/{await CreatedIdAsync(client, "/v1/webhook_endpoints", """{"url": "https://shop.example/hook", "enabled_events": ["*"]}""", "id")}",
                    """{"disabled": true}""", NewKey());
            case "payment-link":
                return ("/v1/payment_links", """{"product_name": "Tea", "amount": 1}""", NewKey());
            case "payment-link-update":
                return ($"/v1/payment_links/{await CreatedIdAsync(client, "/v1/payment_links", """{"product_name": "Tea", "amount": 1}""", "payment_link_id")}",
                    """{"active": false}""", NewKey());
            case "refund":
                return ("/v1/refunds", $$"""{"order_id": "{{await ConfirmedOrderIdAsync(merchant)}}", "amount": 1}""", NewKey());
            case "refund-cancel":
                var refunded = await ConfirmedOrderIdAsync(merchant);
                return ($"/v1/refunds/{await CreatedIdAsync(client, "/v1/refunds", $$"""{"order_id": "{{refunded}}", "amount": 1}""", "refund_id")}/cancel",
                    "{}", NewKey());
            case "wallet":
                return ("/v1/wallets", $$"""{"address": "{{TestAddresses.Random()}}", "label": "Till", "default": true}""", NewKey());
            case "wallet-update":
                using (var wallets = await client.GetAsync("/v1/wallets"))
                    return ($"/v1/wallets/{(await wallets.JsonAsync()).GetProperty("data")[0].GetProperty("id").GetString()}", """{"label": "Till"}""", NewKey());
            case "sandbox-payment":
                return ("/v1/sandbox/payments", $$"""{"to": "{{TestAddresses.Random()}}", "amount": 1.5, "memo": "idempotent"}""", NewKey());
            default:
                return ("/v1/sandbox/payments", $$"""{"order_id": "{{await NewOrderIdAsync(client)}}"}""", NewKey());
        }
    }

    private static async Task<string> CreatedIdAsync(HttpClient client, string path, string body, string idField)
    {
        using var created = await client.PostJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty(idField).GetString()!;
    }

    private static async Task<string> NewOrderIdAsync(HttpClient client)
    {
        using var created = await client.PostJsonAsync("/v1/orders", OrderBody);
        return (await created.JsonAsync()).GetProperty("order_id").GetString()!;
    }

    private async Task<string> ConfirmedOrderIdAsync(ApiMerchant merchant)
    {
        var order = (await app.Services.GetRequiredService<OrderService>().CreateAsync(merchant.TestScope, new CreateOrderRequest(2m, null))).Value!;
        await app.Services.GetRequiredService<IPaymentSink>().HandleAsync(OrderFixtures.PaymentFor(order, 2m), CancellationToken.None);
        return order.Id;
    }

    /// <summary>
    /// Another server ran a request with the same key at the same time and committed first: this server's work, written
    /// in the same transaction as its own record of the key, is rolled back whole, and it answers with the first one's
    /// response. (The other server is stood in for by a transaction that writes the key's record before this request
    /// reaches the database and commits while it waits.)
    /// </summary>
    [Fact]
    public async Task A_request_that_loses_its_key_to_another_server_commits_nothing_and_replays_the_winner()
    {
        var (merchant, client) = await MerchantClientAsync();
        var key = NewKey();
        var winnerBody = """{"order_id":"ord_fromtheotherserver"}"""u8.ToArray();
        var ordersBefore = await OrderCountAsync(client);

        await using var other = TestDatabaseEngine.ContextFor(app.DataFolder);
        await using var transaction = await other.Database.BeginTransactionAsync();
        other.Add(new IdempotencyRecord
        {
            MerchantId = merchant.MerchantId, Key = key, RequestMethod = "POST", RequestPath = "/v1/orders",
            RequestBodyHash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(OrderBody)), CreatedAt = DateTimeOffset.UtcNow,
            ResponseStatus = 201, ResponseContentType = "application/json; charset=utf-8", ResponseBody = winnerBody,
        });
        await other.SaveChangesAsync();
        var request = client.PostAsync("/v1/orders", Json(OrderBody, key));
        await Task.Delay(500);
        await transaction.CommitAsync();
        using var response = await request;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(response.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.Equal(winnerBody, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(ordersBefore, await OrderCountAsync(client));
    }

    /// <summary>
    /// The first request is held in flight (it waits for the database's write lock, taken here), and the same key comes
    /// again: Stripe's 409 <c>idempotency_error</c>, which /docs/errors explains; the held request then completes once.
    /// </summary>
    [Fact]
    public async Task A_key_whose_first_request_is_still_running_is_409_idempotency_error()
    {
        var (_, client) = await MerchantClientAsync();
        var key = NewKey();
        var ordersBefore = await OrderCountAsync(client);

        var held = await TestDatabaseEngine.HoldOrderWritesAsync(app.DataFolder);
        var first = client.PostAsync("/v1/orders", Json(OrderBody, key));
        await Task.Delay(500);
        using var second = await client.PostAsync("/v1/orders", Json(OrderBody, key));
        await held.DisposeAsync();
        using var firstResponse = await first;

        var error = await second.AssertApiErrorAsync(HttpStatusCode.Conflict, "idempotency_error");
        Assert.Contains("in-progress", error.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Created, firstResponse.StatusCode);
        Assert.Equal(ordersBefore + 1, await OrderCountAsync(client));
    }

    [Fact]
    public async Task Same_key_with_another_body_or_path_is_400()
    {
        var (_, client) = await MerchantClientAsync();
        var key = NewKey();
        using var first = await client.PostAsync("/v1/orders", Json(OrderBody, key));

        using var otherBody = await client.PostAsync("/v1/orders", Json("""{"amount": 11.0, "description": "Premium subscription"}""", key));
        using var otherPath = await client.PostAsync("/v1/payments", Json(OrderBody, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var error = await otherBody.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
        Assert.StartsWith("Keys for idempotent requests can only be used with the same parameters they were first used with.",
            error.GetProperty("message").GetString());
        await otherPath.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal(1, await OrderCountAsync(client));
    }

    [Fact]
    public async Task A_request_refused_by_validation_leaves_the_key_for_the_corrected_request()
    {
        var (_, client) = await MerchantClientAsync();
        var key = NewKey();

        using var refused = await client.PostAsync("/v1/orders", Json("""{"amount": -5}""", key));
        using var corrected = await client.PostAsync("/v1/orders", Json(OrderBody, key));
        using var replay = await client.PostAsync("/v1/orders", Json(OrderBody, key));

        await refused.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "amount");
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.True(replay.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.Equal(1, await OrderCountAsync(client));
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_400()
    {
        var (_, client) = await MerchantClientAsync();

        using var tooLong = await client.PostAsync("/v1/orders", Json(OrderBody, new string('k', 256)));
        using var longest = await client.PostAsync("/v1/orders", Json(OrderBody, new string('k', 255)));

        await tooLong.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "Idempotency-Key");
        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
        Assert.Equal(1, await OrderCountAsync(client));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_create_one_order()
    {
        var (_, client) = await MerchantClientAsync();
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsync("/v1/orders", Json(OrderBody, key))));

        try
        {
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            {
                var error = await conflict.AssertApiErrorAsync(HttpStatusCode.Conflict, "idempotency_error");
                Assert.Contains("in-progress", error.GetProperty("message").GetString());
            }
            var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
            Assert.Single(created, r => !r.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
            var ids = new HashSet<string>();
            foreach (var response in created)
                ids.Add((await response.JsonAsync()).GetProperty("order_id").GetString()!);
            Assert.Single(ids);
            Assert.Equal(1, await OrderCountAsync(client));
        }
        finally
        {
            foreach (var response in responses)
                response.Dispose();
        }
    }

    [Fact]
    public async Task Keys_belong_to_one_merchant_and_mode()
    {
        var (merchant, client) = await MerchantClientAsync();
        var (_, otherMerchant) = await MerchantClientAsync();
        await app.AddUnwatchedWalletAsync(merchant.LiveScope);
        var live = Track(app.ApiClient(merchant.LiveKey));
        var key = NewKey();

        using var test = await client.PostAsync("/v1/orders", Json(OrderBody, key));
        using var liveMode = await live.PostAsync("/v1/orders", Json(OrderBody, key));
        using var other = await otherMerchant.PostAsync("/v1/orders", Json(OrderBody, key));

        Assert.All([test, liveMode, other], r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.All([test, liveMode, other], r => Assert.False(r.Headers.Contains(IdempotencyMiddleware.ReplayedHeader)));
    }

    [Fact]
    public async Task Records_older_than_24_hours_are_purged_and_their_keys_are_free_again()
    {
        var (merchant, client) = await MerchantClientAsync();
        var key = NewKey();
        using var first = await client.PostAsync("/v1/orders", Json(OrderBody, key));
        await BackdateAsync(merchant.MerchantId, TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        await app.Services.GetRequiredService<IdempotencyPurge>().RunAsync(CancellationToken.None);
        var left = await RecordCountAsync(merchant.MerchantId);
        using var reused = await client.PostAsync("/v1/orders", Json("""{"amount": 12.0}""", key));

        Assert.Equal(0, left);
        Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
        Assert.False(reused.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.Equal(2, await OrderCountAsync(client));
    }

    [Fact]
    public async Task The_purge_keeps_records_younger_than_24_hours()
    {
        var (merchant, client) = await MerchantClientAsync();
        using var first = await client.PostAsync("/v1/orders", Json(OrderBody, NewKey()));
        await BackdateAsync(merchant.MerchantId, TimeSpan.FromHours(23));

        await app.Services.GetRequiredService<IdempotencyPurge>().RunAsync(CancellationToken.None);

        Assert.Equal(1, await RecordCountAsync(merchant.MerchantId));
    }

    [Fact]
    public async Task An_expired_record_not_yet_purged_no_longer_replays()
    {
        var (merchant, client) = await MerchantClientAsync();
        var key = NewKey();
        using var first = await client.PostAsync("/v1/orders", Json(OrderBody, key));
        await BackdateAsync(merchant.MerchantId, TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        using var again = await client.PostAsync("/v1/orders", Json(OrderBody, key));
        using var replay = await client.PostAsync("/v1/orders", Json(OrderBody, key));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.False(again.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.NotEqual((await first.JsonAsync()).GetProperty("order_id").GetString(), (await again.JsonAsync()).GetProperty("order_id").GetString());
        Assert.True(replay.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.Equal(2, await OrderCountAsync(client));
    }

    [Fact]
    public async Task Requests_without_a_key_are_not_deduplicated()
    {
        var (_, client) = await MerchantClientAsync();

        using var first = await client.PostJsonAsync("/v1/orders", OrderBody);
        using var second = await client.PostJsonAsync("/v1/orders", OrderBody);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, await OrderCountAsync(client));
    }

    private async Task<(ApiMerchant Merchant, HttpClient Client)> MerchantClientAsync()
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        return (merchant, Track(app.ApiClient(merchant.TestKey)));
    }

    private HttpClient Track(HttpClient client)
    {
        clients.Add(client);
        return client;
    }

    private static string NewKey() => Guid.NewGuid().ToString();

    private static StringContent Json(string body, string idempotencyKey)
    {
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.Add(IdempotencyMiddleware.Header, idempotencyKey);
        return content;
    }

    private static async Task<int> OrderCountAsync(HttpClient client) =>
        (await (await client.GetAsync("/v1/orders?limit=100")).JsonAsync()).GetProperty("data").GetArrayLength();

    /// <summary>Moves the merchant's idempotency records into the past, as a clock moved forward would.</summary>
    private async Task BackdateAsync(string merchantId, TimeSpan age)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        var createdAt = DateTimeOffset.UtcNow - age;
        await db.Set<IdempotencyRecord>().Where(r => r.MerchantId == merchantId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, createdAt));
    }

    private async Task<int> RecordCountAsync(string merchantId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        return await db.Set<IdempotencyRecord>().CountAsync(r => r.MerchantId == merchantId);
    }
}
