using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Reviews;
using Flux.Dashboard.Tests.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Reviews;

/// <summary>Confirmed orders paid the real way (through the payment sink), and a review service on a clock the test moves.</summary>
internal static class ReviewFixtures
{
    /// <summary>An order of the scope (which must have a default wallet), paid in full and so confirmed, with its payment row.</summary>
    public static async Task<Order> ConfirmedOrderAsync(this FluxAppFactory app, MerchantScope scope, decimal amount = 10m)
    {
        var order = await PendingOrderAsync(app, scope, amount);
        await app.Services.GetRequiredService<IPaymentSink>().HandleAsync(OrderFixtures.PaymentFor(order, amount), CancellationToken.None);
        var confirmed = await app.ReloadAsync(order);
        Assert.Equal(OrderStatus.Confirmed, confirmed.Status);
        return confirmed;
    }

    public static async Task<Order> PendingOrderAsync(this FluxAppFactory app, MerchantScope scope, decimal amount = 10m)
    {
        var result = await app.Services.GetRequiredService<OrderService>().CreateAsync(scope, new CreateOrderRequest(amount, "Premium Subscription"));
        return result.Value ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    /// <summary>A <see cref="ReviewService"/> on the app's database whose clock the test sets.</summary>
    public static ReviewService ReviewsAt(this FluxAppFactory app, TimeProvider clock) =>
        new(app.Services.GetRequiredService<IDbContextFactory<Flux.Dashboard.Data.FluxDbContext>>(), clock);

    public static ReviewService Reviews(this FluxAppFactory app) => app.Services.GetRequiredService<ReviewService>();

    public static readonly ReviewInput GoodReview = new(5, "Worth every Pi", "Paid in seconds, access at once.", "Ada");

    /// <summary>A merchant in test mode with a default wallet, a confirmed order and an open review link for it.</summary>
    public static async Task<(MerchantScope Scope, Order Order, string Token)> OpenReviewAsync(this FluxAppFactory app, string product = "Premium Subscription")
    {
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var order = await app.ConfirmedOrderAsync(scope);
        var request = await app.Reviews().RequestAsync(scope, order.Id, product);
        return (scope, order, request.Value!.Token ?? throw new InvalidOperationException(request.Error?.Message));
    }
}
