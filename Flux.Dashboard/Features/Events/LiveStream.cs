using System.Threading.Channels;
using Flux.Dashboard.Api;
using Flux.Dashboard.Features.Accounts;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// The loop of the API's Server-Sent Events streams (<c>/v1/events/stream</c>, the public order stream): send what is new,
/// then wait for a wake from the <see cref="EventBus"/> — or, idle, send a heartbeat and look anyway (an event of another
/// instance) — until the stream is complete, the client leaves or the app stops. What is "new" is read from the database,
/// so a resumed stream flows into the live part with no gap and no duplicate.
/// </summary>
public sealed class LiveStream : IDisposable
{
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly IDisposable subscription;

    /// <summary>
    /// Listens from now on, so an event committed between this and the stream's first read still wakes it: subscribe
    /// before reading where the stream starts.
    /// </summary>
    public LiveStream(EventBus bus, MerchantScope scope, Func<EventNotification, bool> wakesOn) =>
        subscription = bus.Subscribe(scope, e =>
        {
            if (wakesOn(e))
                wake.Writer.TryWrite(true);
            return Task.CompletedTask;
        });

    /// <summary>Streams until <paramref name="sendNewAsync"/> answers false (the stream is complete), the client leaves or the app stops.</summary>
    public async Task RunAsync(HttpContext http, Func<CancellationToken, Task<bool>> sendNewAsync, TimeSpan heartbeat, CancellationToken ct,
        TimeSpan? retry = null)
    {
        var lifetime = http.RequestServices.GetRequiredService<IHostApplicationLifetime>();
        // A stream ends when its client leaves or when the app begins to stop (so shutdown never waits on it).
        using var streamEnd = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        var end = streamEnd.Token;
        try
        {
            await ServerSentEvents.BeginAsync(http, end, retry);
            while (await sendNewAsync(end))
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(end);
                beat.CancelAfter(heartbeat);
                try
                {
                    await wake.Reader.ReadAsync(beat.Token);
                }
                catch (OperationCanceledException) when (!end.IsCancellationRequested)
                {
                    await ServerSentEvents.HeartbeatAsync(http, end);
                }
            }
        }
        catch (OperationCanceledException) when (end.IsCancellationRequested)
        {
            // The client went away or the app is stopping: the stream just ends.
        }
    }

    public void Dispose() => subscription.Dispose();
}
