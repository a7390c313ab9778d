using System.Collections.Concurrent;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Horizon;
using Flux.Dashboard.Tests.Chain.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Chain.Horizon;

/// <summary>The payment stream as AddChain registers it, over a real socket to a tiny event-stream server on Kestrel.</summary>
public sealed class HorizonStreamOverSocketTests : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string? Cursor, string? LastEventId)> _requests = new();
    private readonly TaskCompletionSource _firstPaymentReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WebApplication _server;

    public HorizonStreamOverSocketTests()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapGet("/horizon/payments", ServeAsync);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Stream_resumes_from_the_last_id_after_the_server_drops_the_connection()
    {
        await _server.StartAsync();
        var address = _server.Urls.Single();
        await using var services = new ServiceCollection().AddLogging().AddChain(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var client = services.GetRequiredService<HorizonClientFactory>().ForBaseUri(new Uri($"{address}/horizon"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var ids = new List<string>();
        await foreach (var payment in client.StreamPaymentsAsync(null, null, timeout.Token))
        {
            ids.Add(payment.Id);
            _firstPaymentReceived.TrySetResult();
            if (ids.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(["225257527003537409", "225257531298504705"], ids);
        Assert.Equal(
            new (string?, string?)[] { ("now", null), ("225257527003537409", "225257527003537409") },
            _requests.ToArray());
    }

    /// <summary>
    /// First connection: one payment; once the client has it, half a frame and the connection is reset (a reset
    /// earlier could discard unread data, as TCP does). Later connections: the next payment.
    /// </summary>
    private async Task ServeAsync(HttpContext context)
    {
        _requests.Enqueue((context.Request.Query["cursor"], context.Request.Headers["Last-Event-ID"].FirstOrDefault()));
        var frames = HorizonFixtures.Read("payments_stream_dropped.txt").Split("\n\n");
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync("retry: 10\n\n");
        if (_requests.Count == 1)
        {
            await context.Response.WriteAsync(frames[1] + "\n\n");
            await context.Response.Body.FlushAsync();
            await _firstPaymentReceived.Task.WaitAsync(context.RequestAborted);
            await context.Response.WriteAsync(frames[3][..40]);
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }
        await context.Response.WriteAsync(frames[3] + "\n\n");
        await context.Response.Body.FlushAsync();
        await Task.Delay(Timeout.Infinite, context.RequestAborted);
    }
}
