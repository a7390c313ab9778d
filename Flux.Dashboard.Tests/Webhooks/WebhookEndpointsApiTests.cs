using System.Net;
using System.Text.Json;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Webhooks;

/// <summary><c>/v1/webhook_endpoints</c>: create (secret once), list, read, delete, field errors, and the key's scope.</summary>
[Collection(FluxAppCollection.Name)]
public sealed class WebhookEndpointsApiTests(FluxAppFactory app) : IDisposable
{
    private readonly List<HttpClient> clients = [];

    public void Dispose() => clients.ForEach(c => c.Dispose());

    [Fact]
    public async Task Creating_an_endpoint_answers_its_fields_and_the_secret_which_is_never_shown_again()
    {
        var merchant = await app.NewApiMerchantAsync();
        var client = Client(merchant.TestKey);

        using var response = await client.PostJsonAsync("/v1/webhook_endpoints",
            """{"url": "https://shop.example/flux/webhooks", "enabled_events": ["order.confirmed", "credit.used"], "description": "Fulfilment"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var id = created.GetProperty("id").GetString()!;
        Assert.Matches("^we_[0-9A-Za-z]{20}$", id);
        Assert.Equal($"/v1/webhook_endpoints/{id}", response.Headers.Location?.ToString());
        Assert.Equal("webhook_endpoint", created.GetProperty("object").GetString());
        Assert.Equal("https://shop.example/flux/webhooks", created.GetProperty("url").GetString());
        Assert.Equal(["order.confirmed", "credit.used"], created.GetProperty("enabled_events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("enabled", created.GetProperty("status").GetString());
        Assert.Equal("Fulfilment", created.GetProperty("description").GetString());
        Assert.False(created.GetProperty("livemode").GetBoolean());
        Assert.True(created.TryGetProperty("created_at", out _));
        Assert.Matches("^whsec_[0-9A-Za-z]{32}$", created.GetProperty("secret").GetString());

        using var read = await client.GetAsync($"/v1/webhook_endpoints/{id}");
        var fetched = await read.JsonAsync();
        Assert.Equal(id, fetched.GetProperty("id").GetString());
        Assert.False(fetched.TryGetProperty("secret", out _));
        using var list = await client.GetAsync("/v1/webhook_endpoints");
        Assert.DoesNotContain("whsec_", await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Endpoints_are_listed_newest_first_in_pages_and_deleted_by_id()
    {
        var merchant = await app.NewApiMerchantAsync();
        var client = Client(merchant.TestKey);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add(await CreateAsync(client, $"https://shop.example/hook/{i}"));

        using var first = await client.GetAsync("/v1/webhook_endpoints?limit=2");
        var page = await first.JsonAsync();
        Assert.Equal("list", page.GetProperty("object").GetString());
        Assert.True(page.GetProperty("has_more").GetBoolean());
        Assert.Equal([ids[2], ids[1]], page.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        using var second = await client.GetAsync($"/v1/webhook_endpoints?limit=2&starting_after={ids[1]}");
        var next = await second.JsonAsync();
        Assert.False(next.GetProperty("has_more").GetBoolean());
        Assert.Equal([ids[0]], next.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()));

        using var deleted = await client.DeleteAsync($"/v1/webhook_endpoints/{ids[1]}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var body = await deleted.JsonAsync();
        Assert.True(body.GetProperty("deleted").GetBoolean());
        using var gone = await client.GetAsync($"/v1/webhook_endpoints/{ids[1]}");
        await gone.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        using var again = await client.DeleteAsync($"/v1/webhook_endpoints/{ids[1]}");
        await again.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
    }

    public static TheoryData<bool, string> RefusedUrls => new()
    {
        { false, "ftp://shop.example/hook" },
        { false, "file:///etc/passwd" },
        { false, "javascript:alert(1)" },
        { false, "mailto:dev@shop.example" },
        { false, "not a url" },
        { false, "/relative/hook" },
        { false, "https://" },
        { false, "" },
        { false, "https://user:pass@shop.example/hook" },
        { false, "https://shop.example/hook#part" },
        { false, "http://shop.example/hook" },
        { false, "http://10.0.0.5/hook" },
        { true, "http://shop.example/hook" },
        { true, "http://localhost:8080/hook" },
        { true, "https://localhost/hook" },
        { true, "https://127.0.0.1/hook" },
        { true, "https://192.168.1.10/hook" },
        { true, "https://10.1.2.3/hook" },
        { true, "https://172.16.0.1/hook" },
        { true, "https://169.254.169.254/latest" },
        { true, "https://[::1]/hook" },
        { true, "https://[fd00::1]/hook" },
        { true, "https://intranet/hook" },
        // Private and reserved addresses in test mode too (the loopback this app's operator allows is not among them).
        { false, "https://169.254.169.254/latest/meta-data" },
        { false, "https://10.1.2.3/hook" },
        { false, "https://192.168.1.10/hook" },
        { false, "https://172.16.0.1/hook" },
        { false, "https://[fd00::1]/hook" },
        { false, "https://[::]/hook" },
        { false, "https://0.0.0.0/hook" },
        { false, "https://intranet/hook" },
        // IPv6 forms that embed an IPv4 address, and reserved ranges.
        { true, "https://[::127.0.0.1]/hook" },
        { true, "https://[::ffff:127.0.0.1]/hook" },
        { true, "https://[64:ff9b::7f00:1]/hook" },
        { true, "https://[64:ff9b:1::a00:1]/hook" },
        { true, "https://[2002:7f00:1::1]/hook" },
        { true, "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook" },
        { true, "https://[2001:db8::1]/hook" },
        { true, "https://[ff02::1]/hook" },
        { true, "https://198.18.0.1/hook" },
        { true, "https://100.64.0.1/hook" },
        { true, "https://192.0.0.8/hook" },
        { true, "https://224.0.0.1/hook" },
        { true, "https://240.0.0.1/hook" },
        { true, "https://0x7f000001/hook" },
    };

    [Theory]
    [MemberData(nameof(RefusedUrls))]
    public async Task A_url_flux_must_not_send_to_is_a_field_error_on_url(bool livemode, string url)
    {
        var merchant = await app.NewApiMerchantAsync();

        using var response = await Client(livemode ? merchant.LiveKey : merchant.TestKey).PostJsonAsync("/v1/webhook_endpoints",
            JsonSerializer.Serialize(new { url, enabled_events = new[] { "*" } }));

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "url");
    }

    [Theory]
    [InlineData(false, "http://localhost/hook")]
    [InlineData(false, "http://localhost:4242/flux")]
    [InlineData(false, "http://127.0.0.1:9000/hook?x=1")]
    [InlineData(false, "https://shop.example/hook")]
    [InlineData(true, "https://shop.example/hook")]
    [InlineData(true, "https://93.184.216.34:8443/hook")]
    public async Task Allowed_urls_are_accepted(bool livemode, string url)
    {
        var merchant = await app.NewApiMerchantAsync();

        using var response = await Client(livemode ? merchant.LiveKey : merchant.TestKey).PostJsonAsync("/v1/webhook_endpoints",
            JsonSerializer.Serialize(new { url, enabled_events = new[] { "*" } }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(livemode, (await response.JsonAsync()).GetProperty("livemode").GetBoolean());
    }

    [Theory]
    [InlineData("""{"url": "https://shop.example/hook", "enabled_events": ["order.shipped"]}""")]
    [InlineData("""{"url": "https://shop.example/hook", "enabled_events": []}""")]
    [InlineData("""{"url": "https://shop.example/hook"}""")]
    [InlineData("""{"url": "https://shop.example/hook", "enabled_events": ["*", "order.confirmed"]}""")]
    public async Task Unknown_or_missing_event_types_are_a_field_error_on_enabled_events(string body)
    {
        var merchant = await app.NewApiMerchantAsync();

        using var response = await Client(merchant.TestKey).PostJsonAsync("/v1/webhook_endpoints", body);

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "enabled_events");
    }

    [Fact]
    public async Task Another_merchants_endpoint_or_the_other_modes_is_not_found()
    {
        var owner = await app.NewApiMerchantAsync();
        var stranger = await app.NewApiMerchantAsync();
        var id = await CreateAsync(Client(owner.TestKey), "https://shop.example/hook");

        foreach (var key in new[] { stranger.TestKey, stranger.LiveKey, owner.LiveKey })
        {
            using var read = await Client(key).GetAsync($"/v1/webhook_endpoints/{id}");
            await read.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
            using var delete = await Client(key).DeleteAsync($"/v1/webhook_endpoints/{id}");
            await delete.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
            using var list = await Client(key).GetAsync("/v1/webhook_endpoints");
            Assert.Empty((await list.JsonAsync()).GetProperty("data").EnumerateArray());
        }
        using var stillThere = await Client(owner.TestKey).GetAsync($"/v1/webhook_endpoints/{id}");
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task The_endpoints_are_in_the_openapi_document()
    {
        using var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        var paths = (await response.JsonAsync()).GetProperty("paths");

        Assert.True(paths.GetProperty("/v1/webhook_endpoints").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/v1/webhook_endpoints").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/v1/webhook_endpoints/{endpointId}").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/v1/webhook_endpoints/{endpointId}").TryGetProperty("delete", out _));
    }

    private static async Task<string> CreateAsync(HttpClient client, string url)
    {
        using var response = await client.PostJsonAsync("/v1/webhook_endpoints", JsonSerializer.Serialize(new { url, enabled_events = new[] { "*" } }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private HttpClient Client(string key)
    {
        var client = app.ApiClient(key);
        clients.Add(client);
        return client;
    }
}
