using System.Net;
using System.Text;
using System.Text.Json;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Api;

/// <summary>Sandbox payments go through the real path: sandbox Horizon → watcher → matcher → confirmation.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class SandboxPaymentsApiTests(FluxAppFactory app)
{
    [Fact]
    public async Task The_seed_order_paid_in_the_sandbox_is_confirmed_by_the_watcher()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.TestKey);
        using var created = await client.PostAsync("/order/confirm", new StringContent(ApiFixtures.SeedOrderBody, Encoding.UTF8, "application/json"));
        var orderId = (await created.JsonAsync()).GetProperty("order_id").GetString();

        using var paid = await client.PostJsonAsync("/v1/sandbox/payments", $$"""{"order_id": "{{orderId}}"}""");

        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        var payment = await paid.JsonAsync();
        Assert.Matches("^[0-9a-f]{64}$", payment.GetProperty("transaction_hash").GetString());
        Assert.Equal(SandboxTestWallet.Address, payment.GetProperty("to").GetString());
        Assert.NotEqual(SandboxTestWallet.Address, payment.GetProperty("from").GetString());
        Assert.Equal(10m, payment.GetProperty("amount").GetDecimal());
        Assert.Equal(orderId, payment.GetProperty("memo").GetString());

        var order = await client.WaitForOrderStatusAsync(orderId!, "confirmed");
        Assert.Equal(payment.GetProperty("transaction_hash").GetString(), order.GetProperty("transaction_hash").GetString());

        var payments = await (await client.GetAsync("/v1/payments")).JsonAsync();
        var seen = Assert.Single(payments.GetProperty("data").EnumerateArray());
        Assert.Equal(payment.GetProperty("payment_id").GetString(), seen.GetProperty("payment_id").GetString());
        Assert.Equal(orderId, seen.GetProperty("order_id").GetString());
        Assert.Equal(SandboxTestWallet.Address, seen.GetProperty("to").GetString());
        Assert.Equal(10m, seen.GetProperty("amount").GetDecimal());
        Assert.True(seen.GetProperty("ledger").GetInt64() > 0);

        var credits = await (await client.GetAsync("/v1/credits/balance")).JsonAsync();
        Assert.Equal(99, credits.GetProperty("available").GetInt32());
        Assert.Equal(1, credits.GetProperty("used").GetInt32());
    }

    [Fact]
    public async Task A_payment_to_any_watched_wallet_with_the_memo_confirms_its_order()
    {
        var merchant = await app.NewApiMerchantAsync();
        var wallet = TestAddresses.Random();
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<WalletService>().AddAsync(merchant.TestScope, wallet, "Shop")).Succeeded);
        using var client = app.ApiClient(merchant.TestKey);
        var orderId = (await client.CreateOrderAsync(2.5m, wallet)).GetProperty("order_id").GetString()!;

        using var paid = await client.PostJsonAsync("/v1/sandbox/payments", $$"""{"to": "{{wallet}}", "amount": 2.5, "memo": "{{orderId}}"}""");

        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        Assert.Equal(SandboxTestWallet.Address, (await paid.JsonAsync()).GetProperty("from").GetString());
        await client.WaitForOrderStatusAsync(orderId, "confirmed");
    }

    [Fact]
    public async Task A_live_key_cannot_simulate_payments()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.LiveKey);

        using var response = await client.PostJsonAsync("/v1/sandbox/payments", "{\"order_id\": \"ord_x\"}");

        var error = await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains("test key", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{}", "to")]
    [InlineData("{\"to\": \"GABC\", \"amount\": 1}", "to")]
    [InlineData("{\"to\": \"" + SandboxTestWallet.Address + "\"}", "amount")]
    [InlineData("{\"to\": \"" + SandboxTestWallet.Address + "\", \"amount\": 0}", "amount")]
    [InlineData("{\"to\": \"" + SandboxTestWallet.Address + "\", \"amount\": 1.00000001}", "amount")]
    [InlineData("{\"to\": \"" + SandboxTestWallet.Address + "\", \"amount\": 99999999}", "amount")]
    [InlineData("{\"to\": \"" + SandboxTestWallet.Address + "\", \"amount\": 1, \"memo\": \"this memo is longer than twenty-eight bytes\"}", "memo")]
    [InlineData("{\"order_id\": \"ord_x\", \"amount\": 1}", "order_id")]
    [InlineData("{\"order_id\": 5}", "order_id")]
    [InlineData("{\"order_id\": \"ord_doesnotexist\"}", "order_id")]
    public async Task Bad_sandbox_payments_are_refused_naming_the_field(string body, string param)
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.TestKey);

        using var response = await client.PostJsonAsync("/v1/sandbox/payments", body);

        var status = body.Contains("doesnotexist") ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest;
        await response.AssertApiErrorAsync(status, status == HttpStatusCode.NotFound ? "resource_not_found" : "invalid_request", param);
    }
}
