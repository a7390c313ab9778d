using System.ComponentModel;
using System.Text.Json.Nodes;
using Flux.Dashboard.Api;
using Flux.Dashboard.Api.Docs;
using Flux.Dashboard.Features.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Flux.Dashboard.Features.Events;

/// <summary>The events API: the merchant's event log (<c>GET /v1/events</c>) and its live stream for SDKs.</summary>
public static class EventsEndpoints
{
    private const string Tag = "Events";

    public static FluxApi MapEventsApi(this FluxApi api)
    {
        api.V1.MapGet("/events", ListAsync)
            .WithName("ListEvents").WithSummary("List events").WithTags(Tag)
            .WithDescription("The key's events in its mode, newest first. `type` keeps one type (`order.confirmed`) or a family (`order.*`).")
            .WithListParameters().ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithResponseExample(StatusCodes.Status200OK, EventExamples.List)
            .AddOpenApiOperationTransformer(EventSchemas.ListAsync);
        api.V1.MapGet("/events/stream", StreamAsync)
            .WithName("StreamEvents").WithSummary("Follow events live").WithTags(Tag)
            .WithDescription("Server-Sent Events in the order Flux recorded them: one frame per event (`id`, `event` = type, `data` = the event), " +
                "a `: heartbeat` comment while idle and a `retry` hint. Without `Last-Event-ID` it starts with the next event; with it " +
                "(header, or `last_event_id` for clients that cannot set headers) it first sends every later event. " +
                "`types` is a comma-separated list of types or families (`order.*,credit.used`).")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesApiErrors(StatusCodes.Status400BadRequest);
        api.V1.MapGet("/events/{eventId}", GetAsync)
            .WithName("GetEvent").WithSummary("Retrieve an event").WithTags(Tag)
            .ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, EventExamples.One)
            .AddOpenApiOperationTransformer(EventSchemas.OneAsync);
        return api;
    }

    private static async Task<Results<Ok<ListPage<JsonObject>>, ApiError>> ListAsync(
        [Description("One type (`order.confirmed`) or a family (`order.*`); a type Flux does not send is refused.")] string? type,
        ApiCaller caller, HttpContext http, EventQueries events, CancellationToken cancellationToken)
    {
        if (type?.Contains(',') == true || EventTypeFilter.Parse(type) is not { } filter)
            return ApiError.InvalidRequest($"type must be {EventTypeFilter.SyntaxHelp}.", "type");
        if (filter.Unknown is { Count: > 0 } unknown)
            return ApiError.InvalidRequest(EventCatalog.UnknownTypes(unknown), "type");
        return await ApiListResponse.PageAsync(http, "event", request => events.ListAsync(caller.Scope, filter, request, cancellationToken), EventEnvelope.ToJson);
    }

    private static async Task<Results<Ok<JsonObject>, ApiError>> GetAsync(
        string eventId, ApiCaller caller, EventQueries events, CancellationToken cancellationToken) =>
        await events.GetAsync(caller.Scope, eventId, cancellationToken) is { } found
            ? TypedResults.Ok(EventEnvelope.ToJson(found))
            : ApiError.NotFound($"No such event: '{eventId}'.");

    private static Task<IResult> StreamAsync(
        [Description("Comma-separated types or families: `order.*,credit.used`; a type Flux does not send is refused.")] string? types,
        [Description("Resume after this event, for clients that cannot send the `Last-Event-ID` header.")]
        [FromQuery(Name = EventStream.LastEventIdParam)] string? lastEventIdParam,
        [Description("Resume after this event: every later event is sent first.")]
        [FromHeader(Name = "Last-Event-ID")] string? lastEventIdHeader,
        ApiCaller caller, HttpContext http, EventStream stream, CancellationToken cancellationToken) =>
        stream.RunAsync(http, caller.Scope, types, string.IsNullOrWhiteSpace(lastEventIdHeader) ? lastEventIdParam : lastEventIdHeader, cancellationToken);
}
