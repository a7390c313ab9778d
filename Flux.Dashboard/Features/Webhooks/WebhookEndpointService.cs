using System.Text.Json;
using Flux.Dashboard.Api;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Webhooks;

/// <summary>A delivery with its attempts, newest attempt last, for the delivery log.</summary>
public sealed record WebhookDeliveryLog(WebhookDelivery Delivery, IReadOnlyList<WebhookAttempt> Attempts);

/// <summary>Creates, reads and changes one merchant scope's webhook endpoints, and sends test events and redeliveries to them.</summary>
public sealed class WebhookEndpointService(
    IDbContextFactory<FluxDbContext> dbFactory, WebhookDeliveries deliveries, WebhookOptions options, TimeProvider clock)
{
    /// <summary>The type of the synthetic event "Send test event" delivers; no endpoint subscribes to it, it is sent on request only.</summary>
    public const string TestEventType = "webhook.test";

    public async Task<ServiceResult<WebhookEndpoint>> CreateAsync(MerchantScope scope, string? url, IReadOnlyCollection<string>? enabledEvents,
        string? description, RowsAlongside<WebhookEndpoint>? alongside = null, CancellationToken cancellationToken = default)
    {
        var errors = WebhookEndpointRules.Errors(url, enabledEvents, description, options.LoopbackAllowed(scope.Livemode));
        if (errors.Count > 0)
            return ServiceResult<WebhookEndpoint>.Invalid(errors);
        var endpoint = new WebhookEndpoint
        {
            Id = PublicId.New("we"),
            MerchantId = scope.MerchantId,
            Livemode = scope.Livemode,
            Url = url!.Trim(),
            EnabledEvents = enabledEvents!.Distinct().ToList(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            Secret = WebhookSignature.NewSecret(),
            Status = WebhookEndpointStatus.Enabled,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Add(endpoint);
        db.AddRange(alongside?.Invoke(endpoint) ?? []);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<WebhookEndpoint>.Ok(endpoint);
    }

    public async Task<WebhookEndpoint?> GetAsync(MerchantScope scope, string endpointId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<WebhookEndpoint>().AsNoTracking().SingleOrDefaultAsync(InScope(scope, endpointId), cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookEndpoint>> ListAllAsync(MerchantScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<WebhookEndpoint>().AsNoTracking()
            .Where(e => e.MerchantId == scope.MerchantId && e.Livemode == scope.Livemode)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
    }

    /// <summary>A page of the scope's endpoints, newest first; null when the page is anchored on an id that is not one of them.</summary>
    public async Task<ListPage<WebhookEndpoint>?> ListAsync(MerchantScope scope, ListRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<WebhookEndpoint>().AsNoTracking()
            .Where(e => e.MerchantId == scope.MerchantId && e.Livemode == scope.Livemode)
            .ReadPageAsync(request, cancellationToken);
    }

    /// <summary>Deletes the endpoint with its deliveries and their log; false when the scope has no such endpoint.</summary>
    public async Task<bool> DeleteAsync(MerchantScope scope, string endpointId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<WebhookEndpoint>().Where(InScope(scope, endpointId)).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// Changes what <paramref name="change"/> gives, in one commit with the caller's <paramref name="alongside"/> rows: the
    /// URL, the event types, the description (empty clears it), and sending off or on again (either starts a fresh
    /// failure window). The secret stays. The dashboard's Disable/Enable and the API's <c>disabled</c> both come here.
    /// </summary>
    public async Task<ServiceResult<WebhookEndpoint>> UpdateAsync(MerchantScope scope, string endpointId, WebhookEndpointChange change,
        RowsAlongside<WebhookEndpoint>? alongside = null, CancellationToken cancellationToken = default)
    {
        var errors = WebhookEndpointRules.Errors(change, options.LoopbackAllowed(scope.Livemode));
        if (errors.Count > 0)
            return ServiceResult<WebhookEndpoint>.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<WebhookEndpoint>().SingleOrDefaultAsync(InScope(scope, endpointId), cancellationToken) is not { } endpoint)
            return ServiceResult<WebhookEndpoint>.NotFound("", NoSuchEndpoint(endpointId));
        if (change.Url is not null)
            endpoint.Url = change.Url.Trim();
        if (change.EnabledEvents is not null)
            endpoint.EnabledEvents = change.EnabledEvents.Distinct().ToList();
        if (change.Description is not null)
            endpoint.Description = string.IsNullOrWhiteSpace(change.Description) ? null : change.Description.Trim();
        if (change.Disabled is { } disabled)
        {
            endpoint.Status = disabled ? WebhookEndpointStatus.Disabled : WebhookEndpointStatus.Enabled;
            endpoint.FailingSince = null;
        }
        db.AddRange(alongside?.Invoke(endpoint) ?? []);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<WebhookEndpoint>.Ok(endpoint);
    }

    public static string NoSuchEndpoint(string endpointId) => $"No such webhook endpoint: '{endpointId}'.";

    /// <summary>Replaces the secret; deliveries from now on are signed with the new one, which is returned to show once.</summary>
    public Task<WebhookEndpoint?> RollSecretAsync(MerchantScope scope, string endpointId, CancellationToken cancellationToken = default) =>
        UpdateAsync(scope, endpointId, e => e.Secret = WebhookSignature.NewSecret(), cancellationToken);

    /// <summary>The endpoint's deliveries, newest first, each with its attempts.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryLog>> DeliveriesAsync(MerchantScope scope, string endpointId, int limit = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<WebhookEndpoint>().AnyAsync(InScope(scope, endpointId), cancellationToken))
            return [];
        var rows = await db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.EndpointId == endpointId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(limit).ToListAsync(cancellationToken);
        var ids = rows.Select(d => d.Id).ToList();
        var attempts = (await db.Set<WebhookAttempt>().AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.DeliveryId);
        return rows.Select(d => new WebhookDeliveryLog(d, attempts[d.Id].OrderBy(a => a.Number).ToList())).ToList();
    }

    /// <summary>Queues a synthetic <see cref="TestEventType"/> event to this endpoint only (logged like any delivery); null when the scope has no such endpoint.</summary>
    public async Task<WebhookDelivery?> SendTestEventAsync(MerchantScope scope, string endpointId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<WebhookEndpoint>().AsNoTracking().SingleOrDefaultAsync(InScope(scope, endpointId), cancellationToken) is not { } endpoint)
            return null;
        var now = clock.GetUtcNow();
        var testEvent = new OutboxEvent
        {
            Id = PublicId.Sequential("evt", 24),
            MerchantId = scope.MerchantId,
            Livemode = scope.Livemode,
            Type = TestEventType,
            Data = JsonSerializer.Serialize(new { webhook_endpoint_id = endpoint.Id, message = "A test event sent from the Flux dashboard." }, Outbox.Json),
            CreatedAt = now,
        };
        var delivery = WebhookDeliveries.New(endpoint.Id, testEvent, now);
        db.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        deliveries.Enqueue(delivery.Id);
        return delivery;
    }

    /// <summary>Makes a new attempt of the delivery now; null when it is not a delivery of the scope's endpoint.</summary>
    public async Task<WebhookAttempt?> RedeliverAsync(MerchantScope scope, string deliveryId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var delivery = await db.Set<WebhookDelivery>().SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is null
            || await db.Set<WebhookEndpoint>().SingleOrDefaultAsync(InScope(scope, delivery.EndpointId), cancellationToken) is not { } endpoint)
            return null;
        return await deliveries.RedeliverAsync(db, delivery, endpoint, cancellationToken);
    }

    private async Task<WebhookEndpoint?> UpdateAsync(MerchantScope scope, string endpointId, Action<WebhookEndpoint> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<WebhookEndpoint>().SingleOrDefaultAsync(InScope(scope, endpointId), cancellationToken) is not { } endpoint)
            return null;
        change(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return endpoint;
    }

    private static System.Linq.Expressions.Expression<Func<WebhookEndpoint, bool>> InScope(MerchantScope scope, string endpointId) =>
        e => e.Id == endpointId && e.MerchantId == scope.MerchantId && e.Livemode == scope.Livemode;
}
