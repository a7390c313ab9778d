using System.Net;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Payments;

/// <summary>
/// <c>GET /v1/payments/{id}</c>: a payment seen on chain read back by the <c>payment_id</c> the list and the
/// <c>payment.unmatched</c> event give, within its merchant and mode only.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class PaymentsApiTests(FluxAppFactory app) : IDisposable
{
    private readonly List<HttpClient> clients = [];

    public void Dispose() => clients.ForEach(c => c.Dispose());

    [Fact]
    public async Task An_unmatched_payment_is_read_back_by_the_id_its_event_names_as_the_list_shows_it()
    {
        var (merchant, client, wallet) = await MerchantAsync();

        using var paid = await client.PostJsonAsync("/v1/sandbox/payments", $$"""{"to": "{{wallet}}", "amount": 3.5, "memo": "no order"}""");
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        var hash = (await paid.JsonAsync()).GetProperty("transaction_hash").GetString();
        var unmatched = await EventAsync(client, "payment.unmatched");

        var paymentId = unmatched.GetProperty("data").GetProperty("payment_id").GetString()!;
        Assert.Equal(hash, unmatched.GetProperty("data").GetProperty("transaction_hash").GetString());
        using var read = await client.GetAsync($"/v1/payments/{paymentId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var payment = await read.JsonAsync();
        var listed = (await (await client.GetAsync("/v1/payments?unmatched=true")).JsonAsync()).GetProperty("data")[0];
        Assert.Equal(listed.GetRawText(), payment.GetRawText());
        Assert.Equal(paymentId, payment.GetProperty("payment_id").GetString());
        Assert.Equal(3.5m, payment.GetProperty("amount").GetDecimal());
        Assert.Equal(wallet, payment.GetProperty("to").GetString());

        // The id a refund of it takes.
        using var refund = await client.PostJsonAsync("/v1/refunds", $$"""{"payment_id": "{{paymentId}}"}""");
        Assert.Equal(HttpStatusCode.Created, refund.StatusCode);
    }

    [Fact]
    public async Task Another_merchant_the_other_mode_and_an_orders_id_get_404()
    {
        var (owner, client, wallet) = await MerchantAsync();
        using var paid = await client.PostJsonAsync("/v1/sandbox/payments", $$"""{"to": "{{wallet}}", "amount": 1, "memo": "stray"}""");
        var paymentId = (await EventAsync(client, "payment.unmatched")).GetProperty("data").GetProperty("payment_id").GetString()!;
        var stranger = await app.NewApiMerchantAsync();

        foreach (var key in new[] { stranger.TestKey, stranger.LiveKey, owner.LiveKey })
        {
            using var response = await Client(key).GetAsync($"/v1/payments/{paymentId}");
            var error = await response.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
            Assert.Equal($"No such payment: '{paymentId}'.", error.GetProperty("message").GetString());
        }
        var orderId = (await client.CreateOrderAsync(2m)).GetProperty("order_id").GetString()!;
        using var order = await client.GetAsync($"/v1/payments/{orderId}");
        var orderError = await order.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        Assert.Contains($"GET /v1/orders/{orderId}", orderError.GetProperty("message").GetString());
    }

    private async Task<(ApiMerchant Merchant, HttpClient Client, string Wallet)> MerchantAsync()
    {
        var merchant = await app.NewApiMerchantAsync();
        var wallet = TestAddresses.Random();
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<WalletService>().AddAsync(merchant.TestScope, wallet, "Till")).Succeeded);
        return (merchant, Client(merchant.TestKey), wallet);
    }

    /// <summary>The first event of the type in the key's log, once the watcher has seen what makes it.</summary>
    private static async Task<System.Text.Json.JsonElement> EventAsync(HttpClient client, string type)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var events = (await (await client.GetAsync($"/v1/events?type={type}")).JsonAsync()).GetProperty("data");
            if (events.GetArrayLength() > 0)
                return events[0];
            Assert.True(DateTime.UtcNow < deadline, $"No {type} event within 30 s.");
            await Task.Delay(100);
        }
    }

    private HttpClient Client(string key)
    {
        var client = app.ApiClient(key);
        clients.Add(client);
        return client;
    }
}
