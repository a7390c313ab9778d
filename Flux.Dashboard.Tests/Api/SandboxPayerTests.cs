using System.Net;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Api;

/// <summary>
/// The sandbox's paying customer is shared by every merchant's tests: no merchant's script can drain it or flood the
/// ledger for the others.
/// </summary>
public sealed class SandboxPayerTests : IDisposable
{
    private const int PaymentsPerMerchant = 3;

    private readonly FluxAppFactory app = FluxAppFactory.Start(null, new Dictionary<string, string?>
    {
        ["Flux:Api:RateLimits:SandboxPaymentsPerMerchant"] = PaymentsPerMerchant.ToString(),
        // A long window, so the test's few requests surely fall into one.
        ["Flux:Api:RateLimits:Window"] = "00:05:00",
    });

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_merchant_paying_away_more_than_the_test_wallet_holds_leaves_it_paying_for_everyone_else()
    {
        var drainer = await app.NewApiMerchantAsync();
        var other = await app.NewApiMerchantAsync();
        using var drainerClient = app.ApiClient(drainer.TestKey);
        using var otherClient = app.ApiClient(other.TestKey);

        for (var i = 0; i < PaymentsPerMerchant; i++)
        {
            using var drained = await drainerClient.PostJsonAsync("/v1/sandbox/payments", $$"""{"to": "{{TestAddresses.Random()}}", "amount": 999000}""");
            Assert.Equal(HttpStatusCode.Created, drained.StatusCode);
        }
        using var paid = await otherClient.PostJsonAsync("/v1/sandbox/payments", $$"""{"to": "{{TestAddresses.Random()}}", "amount": 999000, "memo": "still paying"}""");

        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        Assert.Equal(999000m, (await paid.JsonAsync()).GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Simulated_payments_are_limited_per_merchant_whatever_keys_it_uses_and_not_for_others()
    {
        var merchant = await app.NewApiMerchantAsync();
        var second = await app.Services.GetRequiredService<ApiKeyService>().CreatePairAsync(new MerchantScope(merchant.MerchantId, false), "Second script");
        var other = await app.NewApiMerchantAsync();
        using var first = app.ApiClient(merchant.TestKey);
        using var another = app.ApiClient(second.Value!.Secret.Secret);
        using var bystander = app.ApiClient(other.TestKey);
        var body = $$"""{"to": "{{TestAddresses.Random()}}", "amount": 1}""";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < PaymentsPerMerchant; i++)
        {
            using var response = await (i % 2 == 0 ? first : another).PostJsonAsync("/v1/sandbox/payments", body);
            statuses.Add(response.StatusCode);
        }
        using var refused = await another.PostJsonAsync("/v1/sandbox/payments", body);
        using var unaffected = await bystander.PostJsonAsync("/v1/sandbox/payments", body);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        var error = await refused.AssertApiErrorAsync(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        Assert.Contains("from one merchant", error.GetProperty("message").GetString());
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 300);
        Assert.Equal(HttpStatusCode.Created, unaffected.StatusCode);
    }

    [Fact]
    public async Task A_payment_above_the_sandbox_limit_is_refused_naming_the_amount()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.TestKey);

        using var response = await client.PostJsonAsync("/v1/sandbox/payments", $$"""{"to": "{{TestAddresses.Random()}}", "amount": 1000000.0000001}""");

        var error = await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "amount");
        Assert.Contains("1,000,000", error.GetProperty("message").GetString());
    }
}
