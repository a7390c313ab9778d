using Flux.Dashboard.Api;
using Flux.Dashboard.Features.Accounts;
using Microsoft.Extensions.Options;

namespace Flux.Dashboard.Features.Events;

/// <summary>
/// <c>GET /v1/events/stream</c>: a merchant's events in one mode as Server-Sent Events, in outbox order. The database is
/// the only source: the <see cref="EventBus"/> just wakes the stream (<see cref="LiveStream"/>), which then sends every
/// event after the last sequence it sent — so a replay after <c>Last-Event-ID</c> flows into the live part with no gap and
/// no duplicate.
/// </summary>
public sealed class EventStream(EventQueries events, EventBus bus, IOptions<EventStreamOptions> options)
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
        if (filter.Unknown is { Count: > 0 } unknown)
            return ApiError.InvalidRequest(EventCatalog.UnknownTypes(unknown), TypesParam);

        using var live = new LiveStream(bus, scope, _ => true);
        lastEventId = string.IsNullOrWhiteSpace(lastEventId) ? null : lastEventId.Trim();
        long sent;
        if (lastEventId is null)
            sent = await events.LatestSequenceAsync(cancellationToken);
        else if (await events.SequenceOfAsync(scope, lastEventId, cancellationToken) is { } sequence)
            sent = sequence;
        else
            return ApiError.InvalidRequest($"No such event: '{lastEventId}'. Resume from an event this key's stream sent.", LastEventIdParam);

        await live.RunAsync(http, async ct =>
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
            return true;
        }, options.Value.HeartbeatInterval, cancellationToken, options.Value.Retry);
        return Results.Empty;
    }
}
