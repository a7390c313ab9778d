using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flux.Dashboard.Tests.Webhooks;

/// <summary>A merchant's server: a second Kestrel on a free loopback port that records every webhook POST it gets.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private readonly Func<int, int> statusForCall;
    private int calls;

    private WebhookReceiver(Func<int, int> statusForCall)
    {
        this.statusForCall = statusForCall;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        app = builder.Build();
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            received.Enqueue(new(body, http.Request.Headers["Flux-Signature"].ToString(), http.Request.ContentType, DateTimeOffset.UtcNow));
            var status = statusForCall(Interlocked.Increment(ref calls));
            return Results.Text($"call {calls}: answered {status}", statusCode: status);
        });
    }

    /// <summary>Starts a receiver whose n-th call (from 1) answers <paramref name="statusForCall"/>(n); 200 by default.</summary>
    public static async Task<WebhookReceiver> StartAsync(Func<int, int>? statusForCall = null)
    {
        var receiver = new WebhookReceiver(statusForCall ?? (_ => 200));
        await receiver.app.StartAsync();
        return receiver;
    }

    public string Url => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

    public IReadOnlyList<ReceivedWebhook> Received => received.ToList();

    /// <summary>Waits until at least <paramref name="count"/> requests arrived (or fails after the timeout).</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (received.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} webhook requests, got {received.Count}.");
            await Task.Delay(50);
        }
        return Received;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

internal sealed record ReceivedWebhook(string Body, string Signature, string? ContentType, DateTimeOffset ReceivedAt)
{
    /// <summary>Checks the signature the way the docs tell merchants to: HMAC-SHA256 of "t.body" with the secret, compared in constant time.</summary>
    public bool SignatureVerifies(string secret, out DateTimeOffset signedAt)
    {
        signedAt = default;
        var parts = Signature.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1) || !long.TryParse(t, CultureInfo.InvariantCulture, out var seconds))
            return false;
        signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{Body}"));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(v1));
    }
}
