using Flux.Dashboard.Api;
using Flux.Dashboard.Api.Docs;
using Flux.Dashboard.Api.Idempotency;
using Flux.Dashboard.Features.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary><c>/v1/webhook_endpoints</c> over <see cref="WebhookEndpointService"/>, scoped to the secret key's merchant and mode.</summary>
public static class WebhooksEndpoints
{
    private const string Tag = "Webhook endpoints";

    public static FluxApi MapWebhooksApi(this FluxApi api)
    {
        api.V1.MapPost("/webhook_endpoints", CreateAsync)
            .WithName("CreateWebhookEndpoint").WithSummary("Create a webhook endpoint").WithTags(Tag)
            .WithDescription("Flux POSTs each event of the key's mode whose type is in `enabled_events` (or every event, for `[\"*\"]`) to `url`, signed in the `Flux-Signature` header (see /docs/webhooks). Live mode needs an HTTPS URL on a public host; test mode also accepts `http://localhost` and `http://127.0.0.1`. The `secret` is in this answer only.")
            .WithRequestBody<CreateWebhookEndpointBody>()
            .WithRequestExample("endpoint", "Order and credit events", WebhookExamples.Create)
            .ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithResponseExample(StatusCodes.Status201Created, WebhookExamples.Created);
        api.V1.MapGet("/webhook_endpoints", ListAsync)
            .WithName("ListWebhookEndpoints").WithSummary("List webhook endpoints").WithTags(Tag)
            .WithDescription("The key's webhook endpoints in its mode, newest first.")
            .WithListParameters().ProducesApiErrors(StatusCodes.Status400BadRequest)
            .WithResponseExample(StatusCodes.Status200OK, WebhookExamples.List);
        api.V1.MapGet("/webhook_endpoints/{endpointId}", GetAsync)
            .WithName("GetWebhookEndpoint").WithSummary("Retrieve a webhook endpoint").WithTags(Tag)
            .ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, WebhookExamples.Endpoint);
        api.V1.MapPost("/webhook_endpoints/{endpointId}", UpdateAsync)
            .WithName("UpdateWebhookEndpoint").WithSummary("Update a webhook endpoint").WithTags(Tag)
            .WithDescription("Changes the fields given and leaves the others; the secret stays. `url` and `enabled_events` are checked as when the endpoint is created, `\"\"` clears `description`. `\"disabled\": true` stops sending events to it; `false` sends them again, with a fresh failure window: this is how an endpoint Flux disabled after failing for days (see /docs/webhooks) is turned back on once it answers again. Events that happened while it was disabled are not sent later.")
            .WithRequestBody<UpdateWebhookEndpointBody>()
            .WithRequestExample("events", "Another URL and more events", WebhookExamples.Update)
            .WithRequestExample("enable", "Turn a disabled endpoint back on", WebhookExamples.Enable)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, WebhookExamples.Endpoint);
        api.V1.MapDelete("/webhook_endpoints/{endpointId}", DeleteAsync)
            .WithName("DeleteWebhookEndpoint").WithSummary("Delete a webhook endpoint").WithTags(Tag)
            .WithDescription("Stops sending events to the endpoint and deletes it with its delivery log.")
            .ProducesApiErrors(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, WebhookExamples.Deleted);
        return api;
    }

    private static async Task<Results<Created<WebhookEndpointResource>, ApiError>> CreateAsync(
        ApiCaller caller, HttpContext http, WebhookEndpointService endpoints, CancellationToken cancellationToken)
    {
        var read = await ApiJson.ReadAsync<CreateWebhookEndpointBody>(http, cancellationToken);
        if (read.Error is { } invalid)
            return invalid;
        var body = read.Value!;
        var answer = new CreatedAnswer<WebhookEndpoint, WebhookEndpointResource>(http,
            endpoint => $"/v1/webhook_endpoints/{endpoint.Id}", endpoint => WebhookEndpointResource.Of(endpoint, withSecret: true));
        var result = await endpoints.CreateAsync(caller.Scope, body.Url, body.EnabledEvents, body.Description, answer.KeepWith, cancellationToken);
        return result.Succeeded ? answer.For(result.Value!) : result.ToApiError();
    }

    private static Task<Results<Ok<ListPage<WebhookEndpointResource>>, ApiError>> ListAsync(
        ApiCaller caller, HttpContext http, WebhookEndpointService endpoints, CancellationToken cancellationToken) =>
        ApiListResponse.PageAsync(http, "webhook endpoint", request => endpoints.ListAsync(caller.Scope, request, cancellationToken), e => WebhookEndpointResource.Of(e));

    private static async Task<Results<Ok<WebhookEndpointResource>, ApiError>> GetAsync(
        string endpointId, ApiCaller caller, WebhookEndpointService endpoints, CancellationToken cancellationToken) =>
        await endpoints.GetAsync(caller.Scope, endpointId, cancellationToken) is { } endpoint
            ? TypedResults.Ok(WebhookEndpointResource.Of(endpoint))
            : NoSuchEndpoint(endpointId);

    private static async Task<Results<Ok<WebhookEndpointResource>, ApiError>> UpdateAsync(
        string endpointId, ApiCaller caller, HttpContext http, WebhookEndpointService endpoints, CancellationToken cancellationToken)
    {
        var read = await ApiJson.ReadAsync<UpdateWebhookEndpointBody>(http, cancellationToken);
        if (read.Error is { } invalid)
            return invalid;
        var body = read.Value!;
        var answer = new ChangedAnswer<WebhookEndpoint, WebhookEndpointResource>(http, changed => WebhookEndpointResource.Of(changed));
        return answer.For(await endpoints.UpdateAsync(caller.Scope, endpointId,
            new WebhookEndpointChange(body.Url, body.EnabledEvents, body.Description, body.Disabled), answer.KeepWith, cancellationToken));
    }

    private static async Task<Results<Ok<DeletedWebhookEndpointResource>, ApiError>> DeleteAsync(
        string endpointId, ApiCaller caller, WebhookEndpointService endpoints, CancellationToken cancellationToken) =>
        await endpoints.DeleteAsync(caller.Scope, endpointId, cancellationToken)
            ? TypedResults.Ok(new DeletedWebhookEndpointResource(endpointId))
            : NoSuchEndpoint(endpointId);

    private static ApiError NoSuchEndpoint(string endpointId) => ApiError.NotFound(WebhookEndpointService.NoSuchEndpoint(endpointId));
}
