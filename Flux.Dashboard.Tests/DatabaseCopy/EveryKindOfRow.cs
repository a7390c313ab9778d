using System.Net;
using System.Security.Claims;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Notifications;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Features.Reviews;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Features.Webhooks;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Reviews;
using Flux.Dashboard.Tests.Support;
using Flux.Dashboard.Tests.Webhooks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.DatabaseCopy;

/// <summary>
/// A merchant whose install has a row in every table of Flux's model, made the way Flux makes them: through the API,
/// the sandbox and the watcher, and the services behind the dashboard's pages.
/// </summary>
internal static class EveryKindOfRow
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);

    public static async Task<ApiMerchant> WriteAsync(FluxAppFactory app)
    {
        var merchant = await app.NewApiMerchantAsync();
        await IdentityRowsAsync(app, merchant.Email);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync())
        {
            db.Set<NotificationSettings>().Add(new NotificationSettings { MerchantId = merchant.MerchantId, DailySummary = true, SummarySentFor = new DateOnly(2026, 5, 1) });
            // The rate provider's last answer: this install has no provider to poll.
            db.Set<ProviderRate>().Add(new ProviderRate { Currency = "EUR", Value = 0.312345678901m, FetchedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        using var client = app.ApiClient(merchant.TestKey);
        await using var receiver = await WebhookReceiver.StartAsync();
        var (endpointId, _) = await app.CreateEndpointAsync(merchant.TestScope, receiver.Url);

        var wallet = TestAddresses.Random();
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<WalletService>().AddAsync(merchant.TestScope, wallet, "Shop", makeDefault: true)).Succeeded);

        // Orders in several states: paid in the sandbox (watcher, payment, spent credit, receipt), pending, canceled.
        var confirmed = (await client.CreateOrderAsync(12.3456789m, wallet)).GetProperty("order_id").GetString()!;
        using (var paid = await client.PostJsonAsync("/v1/sandbox/payments", $$"""{"order_id": "{{confirmed}}"}"""))
            Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        await client.CreateOrderAsync(1.5m, wallet);
        // An order priced in dollars, locked at the merchant's fixed rate.
        Assert.Empty(await app.Services.GetRequiredService<FixedRates>().SetAsync(merchant.MerchantId, "USD", 0.325531m));
        using (var fiat = await client.PostJsonAsync("/v1/orders", """{"amount": 4.99, "currency": "USD"}"""))
            Assert.Equal(HttpStatusCode.Created, fiat.StatusCode);
        var canceled = (await client.CreateOrderAsync(2m, wallet)).GetProperty("order_id").GetString()!;
        using (var cancel = await client.PostAsync($"/v1/orders/{canceled}/cancel", null))
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        using (var unmatched = await client.PostJsonAsync("/v1/sandbox/payments", $$"""{"to": "{{wallet}}", "amount": 0.25, "memo": "no such order"}"""))
            Assert.Equal(HttpStatusCode.Created, unmatched.StatusCode);
        using (var retried = new HttpRequestMessage(HttpMethod.Post, "/v1/orders") { Content = JsonContent("""{"amount": 3.75}""") })
        {
            retried.Headers.Add("Idempotency-Key", $"copy-{Guid.NewGuid():N}");
            using var created = await client.SendAsync(retried);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        using (var button = await client.PostJsonAsync("/v1/buttons", """{"amount": 3, "label": "Mug"}"""))
            Assert.Equal(HttpStatusCode.Created, button.StatusCode);
        using (var link = await client.PostJsonAsync("/v1/payment_links", """{"product_name": "Mug", "amount": 3, "quantity_adjustable": true, "expires_in": 600}"""))
            Assert.Equal(HttpStatusCode.Created, link.StatusCode);

        // Credits in both modes: a live grant, a low-balance threshold, a purchase paid through the sandbox.
        await app.Services.GetRequiredService<CreditService>().AddAsync(merchant.LiveScope, 25, CreditReason.Grant, "Before the move");
        Assert.Null(await app.Services.GetRequiredService<CreditInsights>().SetThresholdAsync(merchant.TestScope, 7));
        var purchases = app.Services.GetRequiredService<PurchaseService>();
        var purchase = (await purchases.CreateAsync(merchant.TestScope, 100)).Value!;
        Assert.True((await purchases.SimulatePaymentAsync(merchant.TestScope, purchase.Id, SimulatedPaymentKind.Full)).Succeeded);

        // A customer's review of the paid order, and a cursor of a network besides the sandbox's.
        await WaitForAsync(app, db => db.Set<Order>().AnyAsync(o => o.Id == confirmed && o.Status == OrderStatus.Confirmed));
        var reviews = app.Services.GetRequiredService<ReviewService>();
        var request = await reviews.RequestAsync(merchant.TestScope, confirmed, "Premium Subscription");
        Assert.Empty((await reviews.SubmitAsync(request.Value!.Token, ReviewFixtures.GoodReview)).Errors);
        await app.Services.GetRequiredService<StreamCursors>().SaveAsync("pi-testnet", "123456789012-1", CancellationToken.None);

        // A refund of part of the paid order, once the watcher has confirmed it.
        await WaitForAsync(app, db => db.Set<Order>().AnyAsync(o => o.Id == confirmed && o.Status == OrderStatus.Confirmed));
        using (var refund = await client.PostJsonAsync("/v1/refunds", $$"""{"order_id": "{{confirmed}}", "amount": 1.5, "reason": "Damaged"}"""))
            Assert.Equal(HttpStatusCode.Created, refund.StatusCode);

        // Everything settled: the purchase paid, every event dispatched and delivered to the endpoint.
        await WaitForAsync(app, db => db.Set<CreditPurchase>().AnyAsync(p => p.Id == purchase.Id && p.Status == PurchaseStatus.Paid));
        await WaitForAsync(app, async db =>
            !await db.Set<OutboxEvent>().AnyAsync(e => e.DispatchedAt == null)
            && await db.Set<WebhookDelivery>().CountAsync() == await db.Set<OutboxEvent>().CountAsync(e => e.MerchantId == merchant.MerchantId && !e.Livemode)
            && await db.Set<WebhookDelivery>().AllAsync(d => d.State == WebhookDeliveryState.Succeeded)
            && await db.Set<StreamCursor>().AnyAsync(c => c.Network == "sandbox"));
        Assert.NotEmpty(await app.DeliveriesAsync(merchant.TestScope, endpointId));
        return merchant;
    }

    /// <summary>A role with a claim, and the merchant in it with a claim, an outside login and an authenticator key.</summary>
    private static async Task IdentityRowsAsync(FluxAppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Merchant>>();
        var role = new IdentityRole("Auditor");
        Assert.True((await roles.CreateAsync(role)).Succeeded);
        Assert.True((await roles.AddClaimAsync(role, new Claim("scope", "reports"))).Succeeded);
        var merchant = (await users.FindByEmailAsync(email))!;
        Assert.True((await users.AddToRoleAsync(merchant, role.Name!)).Succeeded);
        Assert.True((await users.AddClaimAsync(merchant, new Claim("region", "eu"))).Succeeded);
        Assert.True((await users.AddLoginAsync(merchant, new UserLoginInfo("Example", $"ext-{Guid.NewGuid():N}", "Example"))).Succeeded);
        Assert.True((await users.ResetAuthenticatorKeyAsync(merchant)).Succeeded);
    }

    private static async Task WaitForAsync(FluxAppFactory app, Func<FluxDbContext, Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + Settle;
        while (true)
        {
            await using (var db = await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync())
            {
                if (await done(db))
                    return;
            }
            Assert.True(DateTime.UtcNow < deadline, "The install did not settle in time.");
            await Task.Delay(100);
        }
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
