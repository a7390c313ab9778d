using System.Net;
using System.Text.Json;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Webhooks;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Webhooks;

/// <summary>
/// <c>POST /v1/webhook_endpoints/{id}</c>, as Stripe updates one: the URL, the event types and the description changed,
/// sending turned off and on again, the secret kept.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class WebhookEndpointUpdateApiTests(FluxAppFactory app) : IDisposable
{
    private const string Created = """
        {"url": "https://shop.example/flux/webhooks", "enabled_events": ["order.confirmed"], "description": "Fulfilment"}
        """;

    private readonly List<HttpClient> clients = [];

    public void Dispose() => clients.ForEach(c => c.Dispose());

    [Fact]
    public async Task An_update_changes_the_fields_given_and_keeps_the_others_and_the_secret()
    {
        var (client, id, secret) = await EndpointAsync();

        using var response = await client.PostJsonAsync($"/v1/webhook_endpoints/{id}", """
            {"url": " https://shop.example/flux/events ", "enabled_events": ["order.confirmed", "refund.succeeded", "order.confirmed"]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var endpoint = await response.JsonAsync();
        Assert.Equal(id, endpoint.GetProperty("id").GetString());
        Assert.Equal("https://shop.example/flux/events", endpoint.GetProperty("url").GetString());
        Assert.Equal(["order.confirmed", "refund.succeeded"], endpoint.GetProperty("enabled_events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Fulfilment", endpoint.GetProperty("description").GetString());
        Assert.Equal("enabled", endpoint.GetProperty("status").GetString());
        Assert.False(endpoint.TryGetProperty("secret", out _));
        var read = await (await client.GetAsync($"/v1/webhook_endpoints/{id}")).JsonAsync();
        Assert.Equal(endpoint.GetRawText(), read.GetRawText());
        Assert.Equal(secret, (await app.EndpointAsync(id)).Secret);

        var cleared = await (await client.PostJsonAsync($"/v1/webhook_endpoints/{id}", """{"description": ""}""")).JsonAsync();
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("description").ValueKind);
        Assert.Equal("https://shop.example/flux/events", cleared.GetProperty("url").GetString());
        var unchanged = await (await client.PostJsonAsync($"/v1/webhook_endpoints/{id}", "{}")).JsonAsync();
        Assert.Equal(cleared.GetRawText(), unchanged.GetRawText());
    }

    [Theory]
    [InlineData("""{"url": "http://shop.example/hook", "description": "Changed"}""", "url")]
    [InlineData("""{"url": "https://10.1.2.3/hook", "description": "Changed"}""", "url")]
    [InlineData("""{"url": "", "description": "Changed"}""", "url")]
    [InlineData("""{"enabled_events": ["order.shipped"], "url": "https://shop.example/other"}""", "enabled_events")]
    [InlineData("""{"enabled_events": [], "url": "https://shop.example/other"}""", "enabled_events")]
    [InlineData("""{"enabled_events": ["*", "order.confirmed"], "url": "https://shop.example/other"}""", "enabled_events")]
    [InlineData("""{"description": "LONG", "url": "https://shop.example/other"}""", "description")]
    [InlineData("""{"disabled": "yes", "url": "https://shop.example/other"}""", "disabled")]
    [InlineData("""{"secret": "whsec_mine", "url": "https://shop.example/other"}""", "secret")]
    public async Task A_refused_update_names_the_field_and_changes_nothing(string body, string param)
    {
        var (client, id, _) = await EndpointAsync();
        var before = await (await client.GetAsync($"/v1/webhook_endpoints/{id}")).JsonAsync();

        using var response = await client.PostJsonAsync($"/v1/webhook_endpoints/{id}",
            body.Replace("LONG", new string('d', WebhookEndpointRules.MaxDescriptionLength + 1), StringComparison.Ordinal));

        await response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", param);
        var after = await (await client.GetAsync($"/v1/webhook_endpoints/{id}")).JsonAsync();
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Fact]
    public async Task Disabled_true_stops_sending_and_false_sends_again_with_a_fresh_failure_window()
    {
        var (client, id, _) = await EndpointAsync();

        var disabled = await (await client.PostJsonAsync($"/v1/webhook_endpoints/{id}", """{"disabled": true}""")).JsonAsync();
        Assert.Equal("disabled", disabled.GetProperty("status").GetString());

        // As Flux leaves an endpoint it disabled after days of failures.
        var failingSince = DateTimeOffset.UtcNow.AddDays(-3);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync())
            await db.Set<WebhookEndpoint>().Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, failingSince));
        var enabled = await (await client.PostJsonAsync($"/v1/webhook_endpoints/{id}", """{"disabled": false}""")).JsonAsync();

        Assert.Equal("enabled", enabled.GetProperty("status").GetString());
        var stored = await app.EndpointAsync(id);
        Assert.Equal(WebhookEndpointStatus.Enabled, stored.Status);
        Assert.Null(stored.FailingSince);
    }

    [Fact]
    public async Task Another_merchants_endpoint_or_the_other_modes_is_not_found_and_stays_as_it_was()
    {
        var (client, id, _) = await EndpointAsync();
        var before = await (await client.GetAsync($"/v1/webhook_endpoints/{id}")).JsonAsync();
        var stranger = await app.NewApiMerchantAsync();
        var owner = await app.NewApiMerchantAsync();

        foreach (var key in new[] { stranger.TestKey, stranger.LiveKey })
        {
            using var response = await Client(key).PostJsonAsync($"/v1/webhook_endpoints/{id}", """{"disabled": true}""");
            var error = await response.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
            Assert.Equal($"No such webhook endpoint: '{id}'.", error.GetProperty("message").GetString());
        }
        using var unknown = await client.PostJsonAsync("/v1/webhook_endpoints/we_none", """{"disabled": true}""");
        await unknown.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        using var otherMode = await Client(owner.LiveKey).PostJsonAsync($"/v1/webhook_endpoints/{id}", """{"disabled": true}""");
        await otherMode.AssertApiErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        var after = await (await client.GetAsync($"/v1/webhook_endpoints/{id}")).JsonAsync();
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    private async Task<(HttpClient Client, string Id, string Secret)> EndpointAsync()
    {
        var merchant = await app.NewApiMerchantAsync();
        var client = Client(merchant.TestKey);
        using var response = await client.PostJsonAsync("/v1/webhook_endpoints", Created);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        return (client, created.GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!);
    }

    private HttpClient Client(string key)
    {
        var client = app.ApiClient(key);
        clients.Add(client);
        return client;
    }
}
