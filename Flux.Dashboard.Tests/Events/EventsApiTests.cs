using System.Net;
using System.Text.Json;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Events;

/// <summary><c>GET /v1/events</c> and <c>GET /v1/events/{id}</c>: the key's event log, paged and filtered.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class EventsApiTests(FluxAppFactory app)
{
    [Fact]
    public async Task Lists_the_keys_events_newest_first_in_pages()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var api = app.ApiClient(merchant.TestKey);
        var orders = new List<string>();
        for (var i = 0; i < 3; i++)
            orders.Add((await api.CreateOrderAsync(1m + i, SandboxTestWallet.Address)).GetProperty("order_id").GetString()!);

        var first = await ListAsync(api, "?limit=2");
        Assert.Equal("list", first.GetProperty("object").GetString());
        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.Equal([orders[2], orders[1]], OrderIds(first));
        var lastOnFirstPage = Ids(first)[^1];

        var second = await ListAsync(api, $"?limit=2&starting_after={lastOnFirstPage}");
        Assert.False(second.GetProperty("has_more").GetBoolean());
        Assert.Equal([orders[0]], OrderIds(second));

        var back = await ListAsync(api, $"?limit=2&ending_before={Ids(second)[0]}");
        Assert.Equal(Ids(first), Ids(back));

        var one = (await api.GetAsync($"/v1/events/{lastOnFirstPage}")).JsonAsync();
        var listed = first.GetProperty("data")[1];
        Assert.Equal(listed.GetRawText(), (await one).GetRawText());
        Assert.Equal(["id", "object", "type", "created_at", "livemode", "data"], listed.EnumerateObject().Select(p => p.Name));
        Assert.Equal("order.created", listed.GetProperty("type").GetString());
        Assert.Equal("event", listed.GetProperty("object").GetString());
        Assert.False(listed.GetProperty("livemode").GetBoolean());
    }

    [Fact]
    public async Task The_type_filter_takes_a_type_or_a_family()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var api = app.ApiClient(merchant.TestKey);
        var canceled = (await api.CreateOrderAsync(2m, SandboxTestWallet.Address)).GetProperty("order_id").GetString()!;
        var open = (await api.CreateOrderAsync(3m, SandboxTestWallet.Address)).GetProperty("order_id").GetString()!;
        (await api.PostAsync($"/v1/orders/{canceled}/cancel", null)).Dispose();

        Assert.Equal(["order.canceled"], Types(await ListAsync(api, "?type=order.canceled")));
        Assert.Equal([open, canceled], OrderIds(await ListAsync(api, "?type=order.created")));
        Assert.Equal(["order.canceled", "order.created", "order.created"], Types(await ListAsync(api, "?type=order.*")));
        Assert.Empty(Types(await ListAsync(api, "?type=credit.used")));
        var paged = await ListAsync(api, "?type=order.created&limit=1");
        Assert.True(paged.GetProperty("has_more").GetBoolean());
        Assert.Equal([open], OrderIds(paged));
    }

    [Fact]
    public async Task Another_merchants_and_the_other_modes_events_are_never_visible()
    {
        var merchant = await app.NewApiMerchantAsync();
        var other = await app.NewApiMerchantAsync();
        using var api = app.ApiClient(merchant.TestKey);
        using var otherApi = app.ApiClient(other.TestKey);
        using var liveApi = app.ApiClient(merchant.LiveKey);
        await api.CreateOrderAsync(1m, SandboxTestWallet.Address);
        var mine = Ids(await ListAsync(api, "")).Single();

        Assert.Empty(Ids(await ListAsync(otherApi, "")));
        Assert.Empty(Ids(await ListAsync(liveApi, "")));
        await (await otherApi.GetAsync($"/v1/events/{mine}")).AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await liveApi.GetAsync($"/v1/events/{mine}")).AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await otherApi.GetAsync($"/v1/events?starting_after={mine}")).AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "starting_after");
    }

    [Theory]
    [InlineData("?type=Order!", "type")]
    [InlineData("?type=order.*,credit.used", "type")]
    [InlineData("?type=*", "type")]
    [InlineData("?type=order.confirmd", "type")]
    [InlineData("?type=ordr.*", "type")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=abc", "limit")]
    [InlineData("?ending_before=evt_nope", "ending_before")]
    public async Task Bad_list_parameters_are_400s_naming_the_parameter(string query, string param)
    {
        var merchant = await app.NewApiMerchantAsync();
        using var api = app.ApiClient(merchant.TestKey);

        using var response = await api.GetAsync($"/v1/events{query}");

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
    }

    [Fact]
    public async Task A_publishable_key_is_refused()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var client = app.ApiClient(merchant.Test.Publishable.Secret);

        await (await client.GetAsync("/v1/events")).AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
        await (await client.GetAsync("/v1/events/evt_any")).AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_events_endpoints()
    {
        var document = await (await app.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = document.GetProperty("paths");

        var list = paths.GetProperty("/v1/events").GetProperty("get");
        var type = list.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "type");
        Assert.Contains("order.*", type.GetProperty("description").GetString());
        Assert.Contains(list.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "starting_after");
        Assert.True(paths.GetProperty("/v1/events/{eventId}").TryGetProperty("get", out _));
        var stream = paths.GetProperty("/v1/events/stream").GetProperty("get");
        Assert.Contains(stream.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "last_event_id");
        Assert.Contains(stream.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Last-Event-ID");
    }

    private static async Task<JsonElement> ListAsync(HttpClient api, string query)
    {
        using var response = await api.GetAsync($"/v1/events{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static List<string> Ids(JsonElement page) =>
        page.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();

    private static List<string> Types(JsonElement page) =>
        page.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToList();

    private static List<string> OrderIds(JsonElement page) =>
        page.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("data").GetProperty("order_id").GetString()!).ToList();
}
