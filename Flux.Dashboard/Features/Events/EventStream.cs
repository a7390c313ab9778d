using System.Threading.Channels;
using Flux.Dashboard.Api;
using Flux.Dashboard.Features.Accounts;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// <c>GET /v1/events/stream</c>: a merchant's events in one mode as Server-Sent Events, in outbox order. The database is
/// the only source: the <see cref="EventBus"/> just wakes the stream, which then sends every event after the last
/// sequence it sent — so a replay after <c>Last-Event-ID</c> flows into the live part with no gap and no duplicate.
/// </summary>
public sealed class EventStream(EventQueries events, EventBus bus, IOptions<EventStreamOptions> options, IHostApplicationLifetime lifetime)
{
    public const string LastEventIdParam = "last_event_id";
    public const string TypesParam = "types";
    private const int BatchSize = 100;

    /// <summary>Checks the request, then streams until the client leaves or the app stops.</summary>
    /// <param name="lastEventId">The <c>Last-Event-ID</c> header, or else the <c>last_event_id</c> query parameter (for clients that cannot set headers).</param>
    public async Task<IResult> RunAsync(HttpContext http, MerchantScope scope, string? types, string? lastEventId, CancellationToken cancellationToken)
    {
        if (EventTypeFilter.Parse(types) is not { } filter)
            return ApiError.InvalidRequest($"types must be a comma-separated list, each {EventTypeFilter.SyntaxHelp}.", TypesParam);

        // Subscribed before the starting point is read, so an event committed in between still wakes the stream.
        var wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var subscription = bus.Subscribe(scope.MerchantId, e =>
        {
            if (e.Livemode == scope.Livemode)
                wake.Writer.TryWrite(true);
            return Task.CompletedTask;
        });

        lastEventId = string.IsNullOrWhiteSpace(lastEventId) ? null : lastEventId.Trim();
        long sent;
        if (lastEventId is null)
            sent = await events.LatestSequenceAsync(cancellationToken);
        else if (await events.SequenceOfAsync(scope, lastEventId, cancellationToken) is { } sequence)
            sent = sequence;
        else
            return ApiError.InvalidRequest($"No such event: '{lastEventId}'. Resume from an event this key's stream sent.", LastEventIdParam);

        // A stream ends when its client leaves or when the app begins to stop (so shutdown never waits on it).
        using var streamEnd = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        await SendAsync(http, scope, filter, sent, wake.Reader, streamEnd.Token);
        return Results.Empty;
    }

    private async Task SendAsync(HttpContext http, MerchantScope scope, EventTypeFilter filter, long sent, ChannelReader<bool> wake, CancellationToken ct)
    {
        var timing = options.Value;
        try
        {
            await ServerSentEvents.BeginAsync(http, ct, timing.Retry);
            while (true)
            {
                List<OutboxEvent> batch;
                do
                {
                    batch = await events.AfterAsync(scope, sent, BatchSize, ct);
                    foreach (var outboxEvent in batch)
                    {
                        if (filter.Matches(outboxEvent.Type))
                            await ServerSentEvents.WriteAsync(http, outboxEvent.Type, EventEnvelope.Serialize(outboxEvent), ct, outboxEvent.Id);
                        sent = outboxEvent.Sequence;
                    }
                } while (batch.Count == BatchSize);

                using var beat = CancellationTokenSource.CreateLinkedTokenSource(ct);
                beat.CancelAfter(timing.HeartbeatInterval);
                try
                {
                    await wake.ReadAsync(beat.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // Idle: keep the connection open, then look at the database anyway (events of another instance).
                    await ServerSentEvents.HeartbeatAsync(http, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away or the app is stopping: the stream just ends.
        }
    }
}
