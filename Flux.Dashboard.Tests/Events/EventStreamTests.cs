using System.Net;
using System.Text.Json.Nodes;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;

namespace Flux.Dashboard.Tests.Events;

/// <summary>
/// <c>GET /v1/events/stream</c> read by a real HTTP client from Flux on Kestrel, in an app of its own whose heartbeat
/// is shrunk to a fraction of a second.
/// </summary>
public sealed class EventStreamTests(EventStreamTests.StreamApp fixture) : IClassFixture<EventStreamTests.StreamApp>
{
    private readonly FluxAppFactory app = fixture.App;

    public sealed class StreamApp : IDisposable
    {
        public FluxAppFactory App { get; } = FluxAppFactory.Start(null, new Dictionary<string, string?>
        {
            ["Flux:Events:Stream:HeartbeatInterval"] = "00:00:00.300",
        });

        public void Dispose() => App.Dispose();
    }

    [Fact]
    public async Task A_sandbox_payment_streams_order_confirmed_and_credit_used()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var api = app.ApiClient(merchant.TestKey);
        await using var stream = await EventStreamClient.OpenAsync(app, merchant.TestKey);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("3000", (await stream.NextFrameAsync())!.Retry);

        var orderId = await CreateSeedOrderAsync(api);
        using var paid = await api.PostJsonAsync("/v1/sandbox/payments", $$"""{"order_id": "{{orderId}}"}""");
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);

        var frames = await stream.NextEventsAsync(3);
        Assert.Equal(["order.created", "order.confirmed", "credit.used"], frames.Select(f => f.Event));
        foreach (var frame in frames)
        {
            var envelope = frame.Json;
            Assert.Equal(frame.Id, envelope.GetProperty("id").GetString());
            Assert.Equal(frame.Event, envelope.GetProperty("type").GetString());
            Assert.Equal("event", envelope.GetProperty("object").GetString());
            Assert.False(envelope.GetProperty("livemode").GetBoolean());
            Assert.Equal(orderId, envelope.GetProperty("data").GetProperty("order_id").GetString());
        }
        var creditUsed = frames[2].Json.GetProperty("data");
        Assert.Equal(["order_id", "credits_remaining"], creditUsed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(99, creditUsed.GetProperty("credits_remaining").GetInt32());

        var listed = await (await api.GetAsync($"/v1/events/{frames[2].Id}")).JsonAsync();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(frames[2].Data!), JsonNode.Parse(listed.GetRawText())), "the stream sends the envelope GET /v1/events/{id} shows");
    }

    [Fact]
    public async Task A_client_that_reconnects_with_Last_Event_ID_gets_exactly_the_missed_events_in_order()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var api = app.ApiClient(merchant.TestKey);
        string lastSeen;
        await using (var first = await EventStreamClient.OpenAsync(app, merchant.TestKey))
        {
            await first.NextFrameAsync();
            var orderId = await CreateSeedOrderAsync(api);
            (await api.PostJsonAsync("/v1/sandbox/payments", $$"""{"order_id": "{{orderId}}"}""")).Dispose();
            var seen = await first.NextEventsAsync(3);
            Assert.Equal(["order.created", "order.confirmed", "credit.used"], seen.Select(f => f.Event));
            lastSeen = seen[^1].Id!;
        }

        // While the client is away: two new orders and a cancellation.
        var away1 = await CreateSeedOrderAsync(api);
        var away2 = await CreateSeedOrderAsync(api);
        (await api.PostAsync($"/v1/orders/{away1}/cancel", null)).Dispose();
        var missed = await EventIdsAfterAsync(api, lastSeen);
        Assert.Equal(3, missed.Count);

        await using var resumed = await EventStreamClient.OpenAsync(app, merchant.TestKey, lastEventId: lastSeen);
        var replayed = await resumed.NextEventsAsync(3);
        Assert.Equal(missed, replayed.Select(f => f.Id));
        Assert.Equal(["order.created", "order.created", "order.canceled"], replayed.Select(f => f.Event));
        Assert.Equal([away1, away2, away1], replayed.Select(f => f.Json.GetProperty("data").GetProperty("order_id").GetString()));

        // Then live, with nothing sent twice: the next frame is the next event.
        var live = await CreateSeedOrderAsync(api);
        var next = await resumed.NextEventAsync();
        Assert.Equal(live, next.Json.GetProperty("data").GetProperty("order_id").GetString());
        Assert.DoesNotContain(next.Id, missed);
    }

    [Fact]
    public async Task Events_appended_while_the_replay_runs_follow_it_with_no_gap_and_no_duplicate()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var api = app.ApiClient(merchant.TestKey);
        await CreateSeedOrderAsync(api);
        var start = (await EventIdsAfterAsync(api, null)).Single();
        for (var i = 0; i < 150; i++)
            await CreateSeedOrderAsync(api);

        var appending = Task.Run(async () =>
        {
            using var writer = app.ApiClient(merchant.TestKey);
            for (var i = 0; i < 30; i++)
                await CreateSeedOrderAsync(writer);
        });
        await using var resumed = await EventStreamClient.OpenAsync(app, merchant.TestKey, $"?last_event_id={start}");
        var received = await resumed.NextEventsAsync(180);
        await appending;

        var expected = await EventIdsAfterAsync(api, start);
        Assert.Equal(180, expected.Count);
        Assert.Equal(expected, received.Select(f => f.Id));
    }

    [Fact]
    public async Task An_idle_stream_sends_heartbeats()
    {
        var merchant = await app.NewApiMerchantAsync();
        await using var stream = await EventStreamClient.OpenAsync(app, merchant.TestKey);
        Assert.NotNull((await stream.NextFrameAsync())!.Retry);

        var heartbeats = 0;
        for (var i = 0; i < 3; i++)
        {
            var frame = await stream.NextFrameAsync(TimeSpan.FromSeconds(5));
            Assert.Equal("heartbeat", frame!.Comment);
            Assert.Null(frame.Event);
            heartbeats++;
        }
        Assert.Equal(3, heartbeats);
    }

    [Fact]
    public async Task The_types_filter_keeps_only_the_named_types_and_families()
    {
        var merchant = await app.NewApiMerchantAsync();
        using var api = app.ApiClient(merchant.TestKey);
        await using var stream = await EventStreamClient.OpenAsync(app, merchant.TestKey, "?types=credit.used,order.canceled");

        var orderId = await CreateSeedOrderAsync(api);
        (await api.PostAsync($"/v1/orders/{orderId}/cancel", null)).Dispose();
        var paidOrder = await CreateSeedOrderAsync(api);
        (await api.PostJsonAsync("/v1/sandbox/payments", $$"""{"order_id": "{{paidOrder}}"}""")).Dispose();

        var frames = await stream.NextEventsAsync(2);
        Assert.Equal(["order.canceled", "credit.used"], frames.Select(f => f.Event));
        Assert.Equal([orderId, paidOrder], frames.Select(f => f.Json.GetProperty("data").GetProperty("order_id").GetString()));
    }

    [Fact]
    public async Task Another_merchants_or_modes_events_never_reach_the_stream()
    {
        var merchant = await app.NewApiMerchantAsync();
        var other = await app.NewApiMerchantAsync();
        using var otherApi = app.ApiClient(other.TestKey);
        using var api = app.ApiClient(merchant.TestKey);
        await using var live = await EventStreamClient.OpenAsync(app, merchant.LiveKey);
        await using var test = await EventStreamClient.OpenAsync(app, merchant.TestKey);
        await live.NextFrameAsync();
        await test.NextFrameAsync();

        await CreateSeedOrderAsync(otherApi);
        var mine = await CreateSeedOrderAsync(api);

        var frame = await test.NextEventAsync();
        Assert.Equal(mine, frame.Json.GetProperty("data").GetProperty("order_id").GetString());
        for (var i = 0; i < 4; i++)
            Assert.Equal("heartbeat", (await live.NextFrameAsync(TimeSpan.FromSeconds(5)))!.Comment);
    }

    [Fact]
    public async Task An_unknown_or_foreign_Last_Event_ID_is_refused()
    {
        var merchant = await app.NewApiMerchantAsync();
        var other = await app.NewApiMerchantAsync();
        using var otherApi = app.ApiClient(other.TestKey);
        await CreateSeedOrderAsync(otherApi);
        var foreign = (await EventIdsAfterAsync(otherApi, null)).Single();

        await using var unknown = await EventStreamClient.OpenAsync(app, merchant.TestKey, lastEventId: "evt_doesnotexist");
        await unknown.Response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "last_event_id");
        await using var otherMerchants = await EventStreamClient.OpenAsync(app, merchant.TestKey, $"?last_event_id={foreign}");
        await otherMerchants.Response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "last_event_id");
        await using var otherMode = await EventStreamClient.OpenAsync(app, other.LiveKey, lastEventId: foreign);
        await otherMode.Response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "last_event_id");
    }

    [Fact]
    public async Task Bad_types_and_publishable_keys_are_refused_in_the_error_shape()
    {
        var merchant = await app.NewApiMerchantAsync();

        await using var badTypes = await EventStreamClient.OpenAsync(app, merchant.TestKey, "?types=order.confirmed,Order!");
        await badTypes.Response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "types");
        // A typo is no filter that silently drops every event: the answer names it and the types Flux sends.
        await using var typo = await EventStreamClient.OpenAsync(app, merchant.TestKey, "?types=order.confirmd,credit.*");
        var error = await typo.Response.AssertApiErrorAsync(HttpStatusCode.BadRequest, "invalid_request", "types");
        Assert.Equal($"Unknown event type: 'order.confirmd'. Known types: {string.Join(", ", EventCatalog.TypeNames)}.", error.GetProperty("message").GetString());
        await using var publishable = await EventStreamClient.OpenAsync(app, merchant.Test.Publishable.Secret);
        await publishable.Response.AssertApiErrorAsync(HttpStatusCode.Unauthorized, "authentication_error");
    }

    [Fact]
    public async Task The_stream_ends_when_Flux_stops()
    {
        var own = FluxAppFactory.Start(null, new Dictionary<string, string?>());
        var merchant = await own.NewApiMerchantAsync();
        await using var stream = await EventStreamClient.OpenAsync(own, merchant.TestKey);
        await stream.NextFrameAsync();

        var stopping = Task.Run(own.Dispose);
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(await stream.NextFrameAsync(TimeSpan.FromSeconds(5)));
    }

    private static async Task<string> CreateSeedOrderAsync(HttpClient api)
    {
        using var created = await api.PostJsonAsync("/order/confirm", ApiFixtures.SeedOrderBody);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty("order_id").GetString()!;
    }

    /// <summary>The ids of the key's events after one (or all), oldest first, as <c>GET /v1/events</c> lists them.</summary>
    private static async Task<List<string>> EventIdsAfterAsync(HttpClient api, string? after)
    {
        var ids = new List<string>();
        var cursor = after is null ? "" : $"&ending_before={after}";
        while (true)
        {
            var page = await (await api.GetAsync($"/v1/events?limit=100{cursor}")).JsonAsync();
            var batch = page.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
            if (after is null)
            {
                batch.Reverse();
                return batch;
            }
            batch.Reverse();
            ids.AddRange(batch);
            if (!page.GetProperty("has_more").GetBoolean())
                return ids;
            cursor = $"&ending_before={ids[^1]}";
        }
    }
}
