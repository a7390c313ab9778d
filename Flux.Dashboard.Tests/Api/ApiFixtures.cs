using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Api;

/// <summary>A merchant with a key pair in each mode.</summary>
internal sealed record ApiMerchant(string Email, string MerchantId, ApiKeyPair Test, ApiKeyPair Live)
{
    public MerchantScope TestScope => new(MerchantId, false);
    public MerchantScope LiveScope => new(MerchantId, true);
    public string TestKey => Test.Secret.Secret;
    public string LiveKey => Live.Secret.Secret;
}

/// <summary>Merchants with API keys, clients that send them, and the checks every API error must pass.</summary>
internal static partial class ApiFixtures
{
    /// <summary>The product docs' "Confirm an Order" request body, byte for byte.</summary>
    public const string SeedOrderBody = """
        {
          "amount": 10.0,
          "currency": "PI",
          "description": "Premium subscription",
          "merchant_wallet": "GD5YHQWSTDLU4I2TVSTTLVKXI3RDEOYMPC66EYS32JBPBTKWT4X2EWBW"
        }
        """;

    public static async Task<ApiMerchant> NewApiMerchantAsync(this FluxAppFactory app)
    {
        var email = $"api-{Guid.NewGuid():N}@shop.test";
        var merchantId = await app.CreateMerchantAsync(email);
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var test = await keys.CreatePairAsync(new MerchantScope(merchantId, false), "Tests");
        var live = await keys.CreatePairAsync(new MerchantScope(merchantId, true), "Tests");
        return new ApiMerchant(email, merchantId, test.Value!, live.Value!);
    }

    /// <summary>A wallet row written directly (no Horizon, not watched): enough for orders that are never paid.</summary>
    public static async Task<string> AddUnwatchedWalletAsync(this FluxAppFactory app, MerchantScope scope)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();
        var wallet = new Wallet
        {
            Id = PublicId.New("wal"), MerchantId = scope.MerchantId, Livemode = scope.Livemode, Network = scope.Network,
            Address = TestAddresses.Random(), IsDefault = !await db.Set<Wallet>().AnyAsync(w => w.MerchantId == scope.MerchantId && w.Livemode == scope.Livemode),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Add(wallet);
        await db.SaveChangesAsync();
        // Written past WalletService, so its cache of active wallets is told here.
        await app.Services.GetRequiredService<ActiveWallets>().InvalidateAsync();
        return wallet.Address;
    }

    public static HttpClient ApiClient(this FluxAppFactory app, string? key)
    {
        var client = app.CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<JsonElement> CreateOrderAsync(this HttpClient client, decimal amount = 10.0m, string? wallet = null)
    {
        var number = amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = wallet is null ? $$"""{"amount": {{number}}}""" : $$"""{"amount": {{number}}, "merchant_wallet": "{{wallet}}"}""";
        using var response = await client.PostJsonAsync("/v1/orders", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>Reads the order until it has <paramref name="status"/> (the watcher confirms sandbox payments within seconds).</summary>
    public static async Task<JsonElement> WaitForOrderStatusAsync(this HttpClient client, string orderId, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var order = await (await client.GetAsync($"/v1/orders/{orderId}")).JsonAsync();
            if (order.GetProperty("status").GetString() == status)
                return order;
            Assert.True(DateTime.UtcNow < deadline, $"Order {orderId} is still {order.GetProperty("status").GetString()}, not {status}.");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Checks the product docs' error shape exactly — <c>{"error":{"code","message","docs_url","param","request_id"}}</c>
    /// and nothing else — with the status that goes with the code, and the Request-Id header matching the body.
    /// </summary>
    public static async Task<JsonElement> AssertApiErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string code, string? param = null, bool anyParam = false)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(text).RootElement;
        Assert.Equal(["error"], root.EnumerateObject().Select(p => p.Name));
        var error = root.GetProperty("error");
        Assert.Equal(["code", "message", "docs_url", "param", "request_id"], error.EnumerateObject().Select(p => p.Name));
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        var baseUrl = response.RequestMessage!.RequestUri!.GetLeftPart(UriPartial.Authority);
        Assert.Equal($"{baseUrl}/docs/errors#{code}", error.GetProperty("docs_url").GetString());
        if (!anyParam)
            Assert.Equal(param, error.GetProperty("param").GetString());
        var requestId = error.GetProperty("request_id").GetString()!;
        Assert.Matches(RequestIdPattern(), requestId);
        Assert.Equal(requestId, Assert.Single(response.Headers.GetValues("Request-Id")));
        return error.Clone();
    }

    [GeneratedRegex("^req_[0-9A-Za-z]{14}$")]
    public static partial Regex RequestIdPattern();
}
