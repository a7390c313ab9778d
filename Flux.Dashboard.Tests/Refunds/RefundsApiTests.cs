using System.Net;
using System.Text.Json;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Refunds;

/// <summary><c>/v1/refunds</c> over real Kestrel and a real database: amounts, limits, scope, lists and cancel (issue #28).</summary>
[Collection(FluxAppCollection.Name)]
public sealed class RefundsApiTests(FluxAppFactory app)
{
    [Fact]
    public async Task An_overpaid_order_refunds_its_excess_to_the_sender_in_full_by_default()
    {
        var (client, wallet) = await MerchantAsync();
        var customer = TestAddresses.Random();
        var (orderId, payment) = await app.PaidOrderAsync(client, price: 2m, paid: 3.25m, customer);

        using var created = await client.PostJsonAsync("/v1/refunds", $$"""{"order_id": "{{orderId}}", "reason": "Overpaid"}""");
        var text = await created.Content.ReadAsStringAsync();
        var refund = await created.JsonAsync();
        var refundId = refund.GetProperty("refund_id").GetString()!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/v1/refunds/{refundId}", created.Headers.Location?.OriginalString);
        Assert.StartsWith("rf_", refundId);
        Assert.Contains("\"amount\":1.25,", text);
        Assert.Equal("pending", refund.GetProperty("status").GetString());
        Assert.Equal(orderId, refund.GetProperty("order_id").GetString());
        Assert.Equal(payment.Record.Id, refund.GetProperty("payment_id").GetString());
        Assert.Equal(wallet, refund.GetProperty("pay_from").GetString());
        Assert.Equal(customer, refund.GetProperty("pay_to").GetString());
        Assert.Equal(refundId, refund.GetProperty("memo").GetString());
        Assert.Equal("Overpaid", refund.GetProperty("reason").GetString());
        Assert.Equal($"web+stellar:pay?destination={customer}&amount=1.2500000&memo={refundId}&memo_type=MEMO_TEXT&network_passphrase=Flux%20Sandbox",
            refund.GetProperty("payment_uri").GetString());
        Assert.Contains("\"amount_refunded\":0.0,", text);
        using var read = await client.GetAsync($"/v1/refunds/{refundId}");
        Assert.Equal(text, await read.Content.ReadAsStringAsync());
        using var events = await client.GetAsync("/v1/events?type=refund.created");
        var created1 = Assert.Single((await events.JsonAsync()).GetProperty("data").EnumerateArray());
        Assert.Equal(refundId, created1.GetProperty("data").GetProperty("refund_id").GetString());
        Assert.Equal(customer, created1.GetProperty("data").GetProperty("pay_to").GetString());
    }

    [Fact]
    public async Task A_refund_never_exceeds_what_was_received_and_what_other_refunds_take()
    {
        var (client, _) = await MerchantAsync();
        var (orderId, _) = await app.PaidOrderAsync(client, price: 2m, paid: 3m, TestAddresses.Random());

        using var tooMuch = await client.PostJsonAsync("/v1/refunds", $$"""{"order_id": "{{orderId}}", "amount": 3.0000001}""");
        await tooMuch.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "amount");
        var part = await client.CreateRefundAsync($$"""{"order_id": "{{orderId}}", "amount": 0.6}""");
        var rest = await client.CreateRefundAsync($$"""{"order_id": "{{orderId}}"}""");
        var whole = await client.CreateRefundAsync($$"""{"order_id": "{{orderId}}", "amount": 2}""");
        using var nothingLeft = await client.PostJsonAsync("/v1/refunds", $$"""{"order_id": "{{orderId}}", "amount": 0.0000001}""");

        Assert.Equal(0.6m, part.GetProperty("amount").GetDecimal());
        Assert.Equal(0.4m, rest.GetProperty("amount").GetDecimal());
        Assert.Equal(2m, whole.GetProperty("amount").GetDecimal());
        var error = await nothingLeft.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "order_id");
        Assert.Contains("Nothing left to refund", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Two_concurrent_refunds_of_the_same_pi_are_one_refund_and_one_refusal()
    {
        var (client, _) = await MerchantAsync();
        var (orderId, _) = await app.PaidOrderAsync(client, price: 2m, paid: 3m, TestAddresses.Random());

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostJsonAsync("/v1/refunds", $$"""{"order_id": "{{orderId}}", "amount": 2}""")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await refused.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "amount");
        using var list = await client.GetAsync($"/v1/refunds?order_id={orderId}");
        Assert.Single((await list.JsonAsync()).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task An_unmatched_payment_is_refunded_whole_by_default()
    {
        var (client, wallet) = await MerchantAsync();
        var customer = TestAddresses.Random();
        var stray = OrderFixtures.Payment(ChainNetworkNames.Sandbox, wallet, 4.5m, "for the blue mug");
        stray = stray with { Record = stray.Record with { From = customer } };
        await app.Services.GetRequiredService<IPaymentSink>().HandleAsync(stray, CancellationToken.None);

        var refund = await client.CreateRefundAsync($$"""{"payment_id": "{{stray.Record.Id}}"}""");
        using var again = await client.PostJsonAsync("/v1/refunds", $$"""{"payment_id": "{{stray.Record.Id}}"}""");

        Assert.Equal(4.5m, refund.GetProperty("amount").GetDecimal());
        Assert.Equal(JsonValueKind.Null, refund.GetProperty("order_id").ValueKind);
        Assert.Equal(customer, refund.GetProperty("pay_to").GetString());
        Assert.Equal(wallet, refund.GetProperty("pay_from").GetString());
        await again.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "payment_id");
    }

    [Theory]
    [InlineData("{}", "order_id")]
    [InlineData("""{"order_id": "ord_x", "payment_id": "1"}""", "order_id")]
    [InlineData("""{"order_id": "ord_x", "refund_amount": 1}""", "refund_amount")]
    [InlineData("""{"order_id": "ord_x", "amount": "1"}""", "amount")]
    public async Task A_request_that_names_no_one_thing_to_refund_or_an_unknown_field_is_refused(string body, string param)
    {
        var (client, _) = await MerchantAsync();

        using var response = await client.PostJsonAsync("/v1/refunds", body);

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
    }

    [Fact]
    public async Task Refunds_are_the_merchants_own_in_the_keys_mode()
    {
        var (client, _) = await MerchantAsync();
        var (otherClient, _) = await MerchantAsync();
        var (orderId, payment) = await app.PaidOrderAsync(client, price: 2m, paid: 3m, TestAddresses.Random());
        var refundId = (await client.CreateRefundAsync($$"""{"order_id": "{{orderId}}"}""")).GetProperty("refund_id").GetString()!;

        using var otherOrder = await otherClient.PostJsonAsync("/v1/refunds", $$"""{"order_id": "{{orderId}}"}""");
        using var otherPayment = await otherClient.PostJsonAsync("/v1/refunds", $$"""{"payment_id": "{{payment.Record.Id}}"}""");
        using var otherRead = await otherClient.GetAsync($"/v1/refunds/{refundId}");
        using var otherCancel = await otherClient.PostAsync($"/v1/refunds/{refundId}/cancel", null);
        using var otherList = await otherClient.GetAsync("/v1/refunds");

        await otherOrder.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found", "order_id");
        await otherPayment.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found", "payment_id");
        await otherRead.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        await otherCancel.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        Assert.Empty((await otherList.JsonAsync()).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task An_order_still_waiting_for_payment_is_canceled_before_it_is_refunded()
    {
        var (client, _) = await MerchantAsync();
        var (orderId, _) = await app.PaidOrderAsync(client, price: 5m, paid: 1m, TestAddresses.Random());

        using var underpaid = await client.PostJsonAsync("/v1/refunds", $$"""{"order_id": "{{orderId}}"}""");
        using var cancel = await client.PostAsync($"/v1/orders/{orderId}/cancel", null);
        var refund = await client.CreateRefundAsync($$"""{"order_id": "{{orderId}}"}""");

        await underpaid.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "order_id");
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(1m, refund.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Canceling_a_pending_refund_gives_its_amount_back_and_only_once()
    {
        var (client, _) = await MerchantAsync();
        var (orderId, _) = await app.PaidOrderAsync(client, price: 2m, paid: 3m, TestAddresses.Random());
        var refundId = (await client.CreateRefundAsync($$"""{"order_id": "{{orderId}}"}""")).GetProperty("refund_id").GetString()!;

        using var canceled = await client.PostAsync($"/v1/refunds/{refundId}/cancel", null);
        using var again = await client.PostAsync($"/v1/refunds/{refundId}/cancel", null);
        var next = await client.CreateRefundAsync($$"""{"order_id": "{{orderId}}"}""");
        using var events = await client.GetAsync("/v1/events?type=refund.canceled");

        var body = await canceled.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, canceled.StatusCode);
        Assert.Equal("canceled", body.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, body.GetProperty("canceled_at").ValueKind);
        await again.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal(1m, next.GetProperty("amount").GetDecimal());
        Assert.Single((await events.JsonAsync()).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task The_list_pages_newest_first_and_filters_by_status_and_order()
    {
        var (client, _) = await MerchantAsync();
        var (orderId, _) = await app.PaidOrderAsync(client, price: 2m, paid: 5m, TestAddresses.Random());
        var (otherOrderId, _) = await app.PaidOrderAsync(client, price: 2m, paid: 3m, TestAddresses.Random());
        var first = (await client.CreateRefundAsync($$"""{"order_id": "{{orderId}}", "amount": 1}""")).GetProperty("refund_id").GetString()!;
        var second = (await client.CreateRefundAsync($$"""{"order_id": "{{orderId}}", "amount": 1}""")).GetProperty("refund_id").GetString()!;
        var third = (await client.CreateRefundAsync($$"""{"order_id": "{{otherOrderId}}"}""")).GetProperty("refund_id").GetString()!;
        using (await client.PostAsync($"/v1/refunds/{second}/cancel", null)) { }

        Assert.Equal([third, second, first], await IdsAsync(client, "/v1/refunds"));
        Assert.Equal([third], await IdsAsync(client, "/v1/refunds?limit=1"));
        Assert.Equal([second, first], await IdsAsync(client, $"/v1/refunds?starting_after={third}"));
        Assert.Equal([second], await IdsAsync(client, "/v1/refunds?status=canceled"));
        Assert.Equal([second, first], await IdsAsync(client, $"/v1/refunds?order_id={orderId}"));
        using var badStatus = await client.GetAsync("/v1/refunds?status=refunded");
        await badStatus.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "status");
        using var unknown = await client.GetAsync("/v1/refunds?payment=1");
        await unknown.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "payment");
    }

    private static async Task<string[]> IdsAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("refund_id").GetString()!).ToArray();
    }

    private async Task<(HttpClient Client, string Wallet)> MerchantAsync()
    {
        var merchant = await app.NewApiMerchantAsync();
        var wallet = await app.AddUnwatchedWalletAsync(merchant.TestScope);
        return (app.ApiClient(merchant.TestKey), wallet);
    }
}
