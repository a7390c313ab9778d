using System.Security.Cryptography;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Features.Buttons;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.PaymentLinks;
using Flux.Dashboard.Features.Refunds;
using Flux.Dashboard.Features.Reviews;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.Accounts;

/// <summary>
/// What <see cref="SampleData"/> made, for the pages that show one thing (an order, an endpoint, a review link, a payment
/// link and the confirmed order a customer started from it, a refund, a credit purchase).
/// </summary>
public sealed record SampleDataIds(
    string WalletId, string PendingOrderId, string ConfirmedOrderId, string ButtonId, string WebhookEndpointId, string OpenReviewToken,
    string ActivePaymentLinkId, string PaymentLinkOrderId, string DeactivatedPaymentLinkId, string RefundId, string CreditPurchaseId);

/// <summary>
/// Test-mode sample data for a merchant, so every dashboard page shows what it does: a wallet, orders in every status a
/// customer can bring about, an unmatched payment, an order button, API keys, a webhook endpoint with deliveries, a review
/// and an open review link, a payment link a customer bought through (so a receipt is issued) and a deactivated one, a
/// pending refund and a credit purchase waiting for its Pi. Everything goes through the real services and the sandbox ledger (the watcher confirms the
/// payments), so it runs only once Flux is serving its own sandbox Horizon.
/// </summary>
public sealed class SampleData(
    IDbContextFactory<FluxDbContext> dbFactory,
    WalletService wallets,
    OrderService orders,
    OrderPaymentSimulator simulator,
    OrderExpiry expiry,
    ButtonService buttons,
    WebhookEndpointService webhooks,
    ApiKeyService keys,
    ReviewService reviews,
    PaymentLinkService paymentLinks,
    RefundService refunds,
    PurchaseService purchases,
    TimeProvider clock)
{
    public const string ShopName = "Demo Pi Shop";
    public const string SupportEmail = "help@demo-shop.example";

    /// <summary>Nothing listens there: the deliveries fail and are retried, as the delivery log shows.</summary>
    public const string WebhookUrl = "http://127.0.0.1:9/flux-sample-webhooks";

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    public async Task<SampleDataIds> AddAsync(string merchantId, CancellationToken cancellationToken = default)
    {
        var scope = new MerchantScope(merchantId, Livemode: false);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            await db.Users.Where(m => m.Id == merchantId && m.ShopName == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ShopName, ShopName).SetProperty(m => m.SupportEmail, SupportEmail), cancellationToken);

        var address = StrKey.EncodeEd25519PublicKey(RandomNumberGenerator.GetBytes(32));
        var wallet = Require(await wallets.AddAsync(scope, address, "Shop wallet", cancellationToken: cancellationToken), "wallet");
        // Before the orders, so their events are delivered to it.
        var endpoint = Require(await webhooks.CreateAsync(scope, WebhookUrl, ["order.created", "order.confirmed"],
            "Sample endpoint: nothing listens at this address, so Flux retries each delivery.", cancellationToken: cancellationToken), "webhook endpoint");
        await keys.CreatePairAsync(scope, "Sample key", cancellationToken);
        var button = (await buttons.CreateAsync(scope, new CreateButtonRequest("Buy the e-book", 10m,
            SuccessUrl: "https://shop.example/thanks"), cancellationToken: cancellationToken)).Value!;

        var confirmed = await PaidAsync(scope, 25m, "Premium subscription, 1 month", SimulatedPaymentKind.Full, OrderStatus.Confirmed, cancellationToken);
        await PaidAsync(scope, 4.5m, "Coffee beans, 250 g", SimulatedPaymentKind.Full, OrderStatus.Confirmed, cancellationToken);
        var overpaid = await PaidAsync(scope, 12m, "Concert ticket", SimulatedPaymentKind.Overpay, OrderStatus.Confirmed, cancellationToken);
        await PaidAsync(scope, 8m, "T-shirt, size M", SimulatedPaymentKind.Partial, OrderStatus.Underpaid, cancellationToken);
        var pending = await CreateAsync(scope, 15m, "Gift card", cancellationToken);
        await Settle(simulator.PayAsync(scope, pending.Id, SimulatedPaymentKind.WrongMemo, cancellationToken));
        var canceled = await CreateAsync(scope, 3m, "Sticker pack", cancellationToken);
        await orders.CancelAsync(scope, canceled.Id, cancellationToken: cancellationToken);
        var expired = await CreateAsync(scope, 6m, "Poster", cancellationToken);
        var late = await CreateAsync(scope, 9m, "Mug", cancellationToken);
        await ExpireAsync([expired.Id, late.Id], cancellationToken);
        await Settle(simulator.PayAsync(scope, late.Id, SimulatedPaymentKind.Full, cancellationToken));
        await WaitForAsync(scope, late.Id, OrderStatus.PaidAfterExpiry, cancellationToken);

        var reviewed = Require(await reviews.RequestAsync(scope, confirmed.Id, "Premium subscription", cancellationToken: cancellationToken), "review request");
        await reviews.SubmitAsync(reviewed.Token, new ReviewInput(5, "Paid in seconds",
            "I paid from my Pi wallet and the shop had the order before I closed the app.", "Ada"), cancellationToken);
        var secondConfirmed = await PaidAsync(scope, 2m, "Sample download", SimulatedPaymentKind.Full, OrderStatus.Confirmed, cancellationToken);
        var open = Require(await reviews.RequestAsync(scope, secondConfirmed.Id, "Sample download", cancellationToken: cancellationToken), "review request");

        var (activeLink, linkOrder, deactivatedLink) = await PaymentLinksAsync(scope, cancellationToken);
        // The extra Pi the customer sent goes back to them; nobody has paid it yet.
        var refund = Require(await refunds.CreateAsync(scope, new CreateRefundRequest(overpaid.Id, null, 1m, "Overpaid by 1 Pi"),
            cancellationToken: cancellationToken), "refund");
        var purchase = Require(await purchases.CreateAsync(scope, purchases.Offers[0].Credits, cancellationToken), "credit purchase");

        return new SampleDataIds(wallet.Id, pending.Id, confirmed.Id, button.Id, endpoint.Id, open.Token,
            activeLink.Id, linkOrder.Id, deactivatedLink.Id, refund.Id, purchase.Id);
    }

    /// <summary>A link a customer bought two items through (its order confirmed, so its receipt issued), and one no longer sold.</summary>
    private async Task<(PaymentLink Active, Order Order, PaymentLink Deactivated)> PaymentLinksAsync(MerchantScope scope, CancellationToken cancellationToken)
    {
        var active = Require(await paymentLinks.CreateAsync(scope, new CreatePaymentLinkRequest("Flat white", 2.5m) { QuantityAdjustable = true },
            cancellationToken: cancellationToken), "payment link");
        var order = Require(await paymentLinks.CreateOrderAsync(active.Id, 2, customerEmail: null, cancellationToken), "payment link order");
        await Settle(simulator.PayAsync(scope, order.Id, SimulatedPaymentKind.Full, cancellationToken));
        await WaitForAsync(scope, order.Id, OrderStatus.Confirmed, cancellationToken);

        var sale = Require(await paymentLinks.CreateAsync(scope, new CreatePaymentLinkRequest("Summer sale T-shirt", 7m),
            cancellationToken: cancellationToken), "payment link");
        var deactivated = Require(await paymentLinks.SetActiveAsync(scope, sale.Id, active: false, cancellationToken: cancellationToken), "deactivation");
        return (active, order, deactivated);
    }

    private async Task<Order> CreateAsync(MerchantScope scope, decimal amount, string description, CancellationToken cancellationToken) =>
        (await orders.CreateAsync(scope, new CreateOrderRequest(amount, description), cancellationToken: cancellationToken)).Value
        ?? throw new InvalidOperationException($"The sample order \"{description}\" was refused.");

    private async Task<Order> PaidAsync(MerchantScope scope, decimal amount, string description, SimulatedPaymentKind kind,
        OrderStatus outcome, CancellationToken cancellationToken)
    {
        var order = await CreateAsync(scope, amount, description, cancellationToken);
        await Settle(simulator.PayAsync(scope, order.Id, kind, cancellationToken));
        return await WaitForAsync(scope, order.Id, outcome, cancellationToken);
    }

    /// <summary>Moves the orders' expiry into the past and runs the expiry job, as an hour later would.</summary>
    private async Task ExpireAsync(IReadOnlyList<string> orderIds, CancellationToken cancellationToken)
    {
        var past = clock.GetUtcNow().AddMinutes(-1);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            await db.Set<Order>().Where(o => orderIds.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.ExpiresAt, past), cancellationToken);
        await expiry.RunAsync(cancellationToken);
    }

    /// <summary>The watcher confirms a simulated payment on its own time: wait until the order shows it.</summary>
    private async Task<Order> WaitForAsync(MerchantScope scope, string orderId, OrderStatus status, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SettleTimeout);
        while (true)
        {
            if (await orders.GetAsync(scope, orderId, cancellationToken) is { } order && order.Status == status)
                return order;
            await Task.Delay(100, timeout.Token);
        }
    }

    private static async Task Settle(Task<ServiceResult<SimulatedPaymentSent>> payment)
    {
        var result = await payment;
        if (!result.Succeeded)
            throw new InvalidOperationException($"A sample payment was refused: {result.Error!.Message}");
    }

    private static T Require<T>(ServiceResult<T> result, string what) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException(
            $"The sample {what} was refused: {string.Join(" ", result.Errors.Select(e => e.Message))}");
}
