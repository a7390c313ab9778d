using System.Diagnostics;
using System.Net;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Crash;
using Flux.Dashboard.Tests.Events;
using Flux.Dashboard.Tests.Support;
using Xunit.Abstractions;

namespace Flux.Dashboard.Tests.ScaleOut;

/// <summary>
/// Issue #24: Flux processes on one PostgreSQL database and one Redis server serve as one Flux. What one instance does,
/// the next request to another sees at once — an order confirmed through one on the other's streams, a sign-in cookie,
/// an account deleted, a key's rate limit, failed sign-ins — and Redis going away delays live updates without losing any.
/// </summary>
[Collection(CrashCheckCollection.Name)]
[Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.PostgresOnly)]
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    /// <summary>
    /// A third of the streams' 15 s heartbeat, when an instance that heard of nothing reads the database anyway: only a
    /// wake from the other instance is this quick (it takes some 100 ms; this leaves room for a machine under load).
    /// </summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    /// <summary>A heartbeat (15 s) and room to spare: how long an event may take with no wake at all.</summary>
    private static readonly TimeSpan AtTheLatest = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task An_order_paid_through_one_instance_is_confirmed_at_once_on_the_streams_of_another()
    {
        await using var instances = await FluxInstances.StartAsync(2, TestRedis.Configuration);
        using var a = instances.ApiClient(0);
        using var b = instances.ApiClient(1);
        await using var events = await EventStreamClient.OpenAsync(instances[0].BaseAddress, "/v1/events/stream?types=order.confirmed",
            instances.Merchant.SecretKey);
        // The first payment registers the sandbox's wallet and runs the path cold; the ones after are timed.
        await ConfirmedOnAAfterPayingOnBAsync(a, b, events, "warming up");

        for (var n = 0; n < 3; n++)
        {
            var orderId = await FluxInstances.CreateOrderAsync(a, n);
            await using var order = await EventStreamClient.OpenAsync(instances[0].BaseAddress, $"/v1/public/orders/{orderId}/stream", key: null);
            Assert.Equal("pending_confirmation", (await order.NextEventAsync()).Json.GetProperty("status").GetString());

            var paid = Stopwatch.StartNew();
            await FluxInstances.PayAsync(b, orderId);
            var confirmed = await events.NextEventAsync(AtTheLatest);
            var onEventStream = paid.Elapsed;
            var status = (await order.NextEventAsync(AtTheLatest)).Json.GetProperty("status").GetString();
            var onOrderStream = paid.Elapsed;
            output.WriteLine($"Order {n + 1}: paid through B, confirmed on A's event stream after {onEventStream.TotalMilliseconds:N0} ms, on its order stream after {onOrderStream.TotalMilliseconds:N0} ms");

            Assert.Equal(orderId, confirmed.Json.GetProperty("data").GetProperty("order_id").GetString());
            Assert.Equal("confirmed", status);
            Assert.True(onOrderStream < Prompt,
                $"Order {n + 1} showed confirmed on A after {onOrderStream.TotalSeconds:N1} s, not within {Prompt.TotalSeconds} s. Logs: {instances.LogOf(0)}, {instances.LogOf(1)}");
        }
        instances.Passed = true;
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_works_on_another_and_an_account_deleted_there_is_refused_everywhere_at_once()
    {
        await using var instances = await FluxInstances.StartAsync(2, TestRedis.Configuration);
        // Both instances are on 127.0.0.1: one cookie jar serves a browser sent to either by the load balancer.
        var cookies = new CookieContainer();
        using var browserOnA = FormClient(instances[0], cookies);
        using var browserOnB = FormClient(instances[1], cookies);
        using var b = instances.ApiClient(1);
        // B has met the key: it is in B's key cache.
        using (var list = await b.GetAsync("/v1/orders"))
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);

        using (var signIn = await browserOnA.PostFormAsync("/Account/Login", "login",
                   new() { ["Input.Email"] = CrashMerchant.Email, ["Input.Password"] = CrashMerchant.Password }))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        // A's cookie on B, and B's antiforgery token on A.
        using var deletePage = await browserOnB.GetAsync("/Account/Manage/DeletePersonalData");
        Assert.True(deletePage.StatusCode == HttpStatusCode.OK,
            $"B answered A's sign-in cookie with {(int)deletePage.StatusCode} {deletePage.Headers.Location}: it cannot read it.");
        using (var delete = await browserOnA.PostFormAsync("/Account/Manage/DeletePersonalData", "delete-user",
                   new() { ["Input.Password"] = CrashMerchant.Password }, page: await deletePage.Content.ReadAsStringAsync()))
        {
            Assert.True(delete.StatusCode == HttpStatusCode.Redirect, $"A answered the deletion with {(int)delete.StatusCode}: {await delete.Content.ReadAsStringAsync()}");
            Assert.Contains("Account/Login", delete.Headers.Location?.ToString());
        }

        using var refused = await b.GetAsync("/v1/orders");
        Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized,
            $"B answered the deleted account's key with {(int)refused.StatusCode}: {await refused.Content.ReadAsStringAsync()}");
        instances.Passed = true;
    }

    [Fact]
    public async Task A_test_key_gets_its_allowance_once_across_the_instances_not_once_on_each()
    {
        // Ten requests in ten seconds: every request of the test falls in one window.
        await using var instances = await FluxInstances.StartAsync(2, TestRedis.Configuration, new Dictionary<string, string>
        {
            ["Flux:Api:RateLimits:TestKeyRequests"] = "10",
            ["Flux:Api:RateLimits:Window"] = "00:00:10",
        });
        HttpClient[] clients = [instances.ApiClient(0), instances.ApiClient(1)];

        var answers = new List<HttpStatusCode>();
        for (var n = 0; n < 30; n++)
        {
            using var response = await clients[n % 2].GetAsync("/v1/orders");
            answers.Add(response.StatusCode);
        }

        Assert.Equal(10, answers.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(20, answers.Count(status => status == HttpStatusCode.TooManyRequests));
        foreach (var client in clients)
            client.Dispose();
        instances.Passed = true;
    }

    [Fact]
    public async Task Five_wrong_passwords_spread_over_two_instances_count_as_five()
    {
        // The instances trust 127.0.0.1 as their load balancer: the client is the one X-Forwarded-For names, a new one for
        // this run, as is the account, so no other test's or run's failures on the shared Redis count here.
        await using var instances = await FluxInstances.StartAsync(2, TestRedis.Configuration,
            new Dictionary<string, string> { ["Flux:Proxy:KnownProxies:0"] = "127.0.0.1" });
        var client = $"198.18.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";
        var email = $"nobody-{Guid.NewGuid():N}@shop.test";
        HttpClient[] clients = [FormClient(instances[0], new CookieContainer()), FormClient(instances[1], new CookieContainer())];
        foreach (var http in clients)
            http.DefaultRequestHeaders.Add("X-Forwarded-For", client);

        // Three on A and two on B: each instance alone has seen fewer failures than the limit (5).
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await SignInAsync(clients[attempt % 2], email);
            Assert.Contains("data-testid=\"login-error\"", await wrong.Content.ReadAsStringAsync());
        }
        using var refused = await SignInAsync(clients[1], email);

        Assert.True(refused.StatusCode == HttpStatusCode.TooManyRequests,
            $"B answered a sixth attempt, after 3 failures on A and 2 on B, with {(int)refused.StatusCode}: it counted only its own.");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        foreach (var http in clients)
            http.Dispose();
        instances.Passed = true;
    }

    [Fact]
    public async Task Redis_stopped_and_started_again_loses_no_event_and_live_updates_resume()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var instances = await FluxInstances.StartAsync(2, redis.Configuration);
        using var a = instances.ApiClient(0);
        using var b = instances.ApiClient(1);
        await using var events = await EventStreamClient.OpenAsync(instances[0].BaseAddress, "/v1/events/stream?types=order.confirmed",
            instances.Merchant.SecretKey);
        await ConfirmedOnAAfterPayingOnBAsync(a, b, events, "warming up");
        Assert.True(await ConfirmedOnAAfterPayingOnBAsync(a, b, events, "before") < Prompt, "Live before Redis stopped");

        await redis.StopAsync();
        await WaitAsync(async () => await ReadinessAsync(instances[0]) == "Degraded", "A to report Redis gone");
        var whileDown = await ConfirmedOnAAfterPayingOnBAsync(a, b, events, "while Redis is down");

        await redis.StartAgainAsync();
        await WaitAsync(async () => await ReadinessAsync(instances[0]) == "Healthy" && await ReadinessAsync(instances[1]) == "Healthy",
            "both instances reconnect to Redis");
        // Reconnected, each instance subscribes again; a payment made before that is seen at the next heartbeat at the latest.
        var after = await ConfirmedOnAAfterPayingOnBAsync(a, b, events, "after Redis is back");
        if (after >= Prompt)
            after = await ConfirmedOnAAfterPayingOnBAsync(a, b, events, "after Redis is back, again");

        output.WriteLine($"While Redis was down the confirmation came after {whileDown.TotalSeconds:N1} s (the stream's heartbeat), after it came back in {after.TotalMilliseconds:N0} ms");
        Assert.True(after < Prompt, $"Live updates did not resume after Redis came back: {after.TotalSeconds:N1} s. Logs: {instances.LogOf(0)}, {instances.LogOf(1)}");
        instances.Passed = true;
    }

    /// <summary>Orders through A, pays through B, and reads the confirmation off A's stream: how long after paying it came.</summary>
    private async Task<TimeSpan> ConfirmedOnAAfterPayingOnBAsync(HttpClient a, HttpClient b, EventStreamClient eventsOnA, string when)
    {
        var orderId = await FluxInstances.CreateOrderAsync(a, 0);
        var paid = Stopwatch.StartNew();
        await FluxInstances.PayAsync(b, orderId);
        var confirmed = await eventsOnA.NextEventAsync(AtTheLatest);
        Assert.Equal(orderId, confirmed.Json.GetProperty("data").GetProperty("order_id").GetString());
        output.WriteLine($"{when}: confirmed on A {paid.Elapsed.TotalMilliseconds:N0} ms after paying on B");
        return paid.Elapsed;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email) =>
        client.PostFormAsync("/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = "Wrong-Password-1" });

    private static HttpClient FormClient(FluxProcess instance, CookieContainer cookies) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }) { BaseAddress = instance.BaseAddress };

    private static async Task<string> ReadinessAsync(FluxProcess instance)
    {
        using var http = new HttpClient { BaseAddress = instance.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        return await http.GetStringAsync("/readyz");
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < AtTheLatest, $"Waited {AtTheLatest.TotalSeconds} s for {what}.");
            await Task.Delay(200);
        }
    }
}
