using System.Net;
using System.Text.Json;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Api;

/// <summary>
/// Insecure direct object references: a key reaches only its own merchant's objects in its own mode. Each intruder tries
/// every object endpoint on a pending order of the victim scope, and reads every list after the victim has orders and
/// payments there.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class IdorTests(FluxAppFactory app) : IDisposable
{
    /// <summary>Whose key calls, and whose objects it aims at.</summary>
    public enum Intruder
    {
        /// <summary>Merchant A's test key on merchant B's test objects.</summary>
        OtherMerchantTest,

        /// <summary>Merchant A's live key on merchant B's live objects.</summary>
        OtherMerchantLive,

        /// <summary>A's test key on A's own live objects.</summary>
        TestKeyOnLive,

        /// <summary>A's live key on A's own test objects.</summary>
        LiveKeyOnTest,
    }

    private readonly List<HttpClient> clients = [];

    public void Dispose() => clients.ForEach(c => c.Dispose());

    /// <summary>Object endpoints: method, path and body ("{id}" stands for the victim's order), and the param a 404 names.</summary>
    public static TheoryData<Intruder, string, string, string?> ObjectEndpoints()
    {
        var data = new TheoryData<Intruder, string, string, string?>();
        foreach (var intruder in Enum.GetValues<Intruder>())
        {
            data.Add(intruder, "GET", "/v1/orders/{id}", null);
            data.Add(intruder, "POST", "/v1/orders/{id}/cancel", null);
            data.Add(intruder, "POST", "/v1/sandbox/payments", """{"order_id": "{id}"}""");
        }
        return data;
    }

    public static TheoryData<Intruder, string> ListEndpoints()
    {
        var data = new TheoryData<Intruder, string>();
        foreach (var intruder in Enum.GetValues<Intruder>())
        {
            data.Add(intruder, "/v1/orders");
            data.Add(intruder, "/v1/payments");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ObjectEndpoints))]
    public async Task An_intruder_gets_404_for_the_victims_order(Intruder intruder, string method, string path, string? body)
    {
        var (intruderKey, victimKey, _) = await WorldAsync(intruder);
        var orderId = (await Client(victimKey).CreateOrderAsync(4m)).GetProperty("order_id").GetString()!;

        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", orderId));
        if (body is not null)
            request.Content = new StringContent(body.Replace("{id}", orderId), System.Text.Encoding.UTF8, "application/json");
        using var response = await Client(intruderKey).SendAsync(request);

        if (path == "/v1/sandbox/payments" && intruder is Intruder.OtherMerchantLive or Intruder.LiveKeyOnTest)
        {
            // Live keys cannot simulate payments at all: refused before any order is looked up.
            await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", anyParam: true);
        }
        else
        {
            await response.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found", anyParam: true);
        }

        // Untouched for its owner: not canceled, not paid.
        var order = await (await Client(victimKey).GetAsync($"/v1/orders/{orderId}")).JsonAsync();
        Assert.Equal("pending_confirmation", order.GetProperty("status").GetString());
        Assert.Equal(0m, order.GetProperty("amount_received").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(ListEndpoints))]
    public async Task The_victims_objects_never_appear_in_the_intruders_lists(Intruder intruder, string path)
    {
        var (intruderKey, victimKey, victim) = await WorldAsync(intruder);
        var pending = (await Client(victimKey).CreateOrderAsync(4m)).GetProperty("order_id").GetString()!;
        var paid = (await Client(victimKey).CreateOrderAsync(5m)).GetProperty("order_id").GetString()!;
        await PayAsync(victim, paid, 5m);

        var victimIds = await OrderIdsAsync(Client(victimKey), path);
        var intruderIds = await OrderIdsAsync(Client(intruderKey), path);

        Assert.Contains(paid, victimIds);
        Assert.DoesNotContain(pending, intruderIds);
        Assert.DoesNotContain(paid, intruderIds);
    }

    /// <summary>
    /// Two merchants with wallets in both modes; the intruder's key, the victim's secret key in the victim's mode, and
    /// the victim's scope.
    /// </summary>
    private async Task<(string IntruderKey, string VictimKey, MerchantScope Victim)> WorldAsync(Intruder intruder)
    {
        var a = await app.NewApiMerchantAsync();
        var b = await app.NewApiMerchantAsync();
        foreach (var scope in new[] { a.TestScope, a.LiveScope, b.TestScope, b.LiveScope })
            await app.AddUnwatchedWalletAsync(scope);
        // The intruder has objects of its own, so an empty list proves nothing by itself.
        await Client(a.TestKey).CreateOrderAsync(1m);
        await Client(a.LiveKey).CreateOrderAsync(1m);

        return intruder switch
        {
            Intruder.OtherMerchantTest => (a.TestKey, b.TestKey, b.TestScope),
            Intruder.OtherMerchantLive => (a.LiveKey, b.LiveKey, b.LiveScope),
            Intruder.TestKeyOnLive => (a.TestKey, a.LiveKey, a.LiveScope),
            Intruder.LiveKeyOnTest => (a.LiveKey, a.TestKey, a.TestScope),
            _ => throw new ArgumentOutOfRangeException(nameof(intruder)),
        };
    }

    /// <summary>A payment for the order, handed to the sink exactly as the watcher hands it.</summary>
    private async Task PayAsync(MerchantScope scope, string orderId, decimal amount)
    {
        var order = await app.Services.GetRequiredService<OrderService>().GetAsync(scope, orderId);
        await app.Services.GetRequiredService<IPaymentSink>().HandleAsync(OrderFixtures.PaymentFor(order!, amount), CancellationToken.None);
    }

    private static async Task<List<string?>> OrderIdsAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync($"{path}?limit=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.JsonAsync();
        return list.GetProperty("data").EnumerateArray()
            .Select(o => o.TryGetProperty("order_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null)
            .ToList();
    }

    private HttpClient Client(string key)
    {
        var client = app.ApiClient(key);
        clients.Add(client);
        return client;
    }
}
