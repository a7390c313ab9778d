using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Common;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Orders;

/// <summary>
/// An order's status changes only from the status its writer read: a cancel or an expiry run that read an order before a
/// payment for it was recorded must not write over what that payment did (nor announce a change that did not happen).
/// </summary>
public sealed class OrderStatusRaceTests
{
    [Fact]
    public async Task A_cancel_that_read_the_order_before_its_payment_was_confirmed_leaves_it_confirmed()
    {
        using var app = FluxAppFactory.Start(null, new Dictionary<string, string?>(),
            services => services.AddSingleton<IInterceptor, BetweenReadAndWrite>());
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var orders = app.Services.GetRequiredService<OrderService>();
        var order = (await orders.CreateAsync(scope, new CreateOrderRequest(10m, null))).Value!;
        var sink = app.Services.GetRequiredService<IPaymentSink>();

        BetweenReadAndWrite.Arm(() => sink.HandleAsync(OrderFixtures.PaymentFor(order, 10m), CancellationToken.None));
        var cancel = await orders.CancelAsync(scope, order.Id);

        Assert.Equal(OrderStatus.Confirmed, (await app.ReloadAsync(order)).Status);
        Assert.False(cancel.Succeeded);
        Assert.Equal("An order that is confirmed cannot be canceled.", cancel.Errors.Single().Message);
        Assert.DoesNotContain(OrderCanceled.Type, await EventTypesAsync(app, order));
    }

    [Fact]
    [Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.PostgresOnly)]
    public async Task An_expiry_run_that_read_an_order_before_another_instance_recorded_its_late_payment_leaves_it_paid()
    {
        using var first = FluxAppFactory.Start(null, new Dictionary<string, string?>(),
            services => services.AddSingleton<IInterceptor, BetweenReadAndWrite>());
        using var second = FluxAppFactory.Start(first.DataFolder, new Dictionary<string, string?>());
        // Only the test's own run may expire the order: a minutely run of either instance that came first would expire
        // it before the payment, as it should, and the test would see an order.expired it is not about.
        first.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(OrderExpiry.JobId);
        var (scope, _) = await first.NewMerchantWithWalletAsync(livemode: false);
        var order = (await first.Services.GetRequiredService<OrderService>().CreateAsync(scope, new CreateOrderRequest(4m, null))).Value!;
        await using (var db = await DbAsync(first))
            await db.Set<Order>().Where(o => o.Id == order.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        var secondSink = second.Services.GetRequiredService<IPaymentSink>();

        BetweenReadAndWrite.Arm(() => secondSink.HandleAsync(OrderFixtures.PaymentFor(order, 4m), CancellationToken.None));
        await first.Services.GetRequiredService<OrderExpiry>().RunAsync(CancellationToken.None);

        Assert.Equal(OrderStatus.PaidAfterExpiry, (await first.ReloadAsync(order)).Status);
        Assert.DoesNotContain(OrderExpired.Type, await EventTypesAsync(first, order));
    }

    [Fact]
    [Trait(TestDatabaseEngine.Trait, TestDatabaseEngine.PostgresOnly)]
    public async Task A_batch_of_payments_that_read_an_order_before_its_cancel_committed_leaves_it_canceled_and_confirms_the_others()
    {
        // On SQLite the watcher's transaction holds the write lock from its first read, so a cancel cannot come between.
        using var app = FluxAppFactory.Start(null, new Dictionary<string, string?>(),
            services => services.AddSingleton<IInterceptor, BetweenReadAndWrite>());
        var (scope, _) = await app.NewMerchantWithWalletAsync(livemode: false);
        var orders = app.Services.GetRequiredService<OrderService>();
        var canceled = (await orders.CreateAsync(scope, new CreateOrderRequest(3m, null))).Value!;
        var paid = (await orders.CreateAsync(scope, new CreateOrderRequest(5m, null))).Value!;
        var credits = app.Services.GetRequiredService<Flux.Dashboard.Features.Credits.CreditService>();
        var balance = await credits.BalanceAsync(scope);
        Task<ServiceResult<Order>>? cancel = null;

        BetweenReadAndWrite.Arm(() => cancel = orders.CancelAsync(scope, canceled.Id));
        await app.Services.GetRequiredService<IPaymentSink>().HandleAsync(
            [OrderFixtures.PaymentFor(canceled, 3m), OrderFixtures.PaymentFor(paid, 5m)], CancellationToken.None);

        Assert.True((await cancel!).Succeeded);
        Assert.Equal(OrderStatus.Canceled, (await app.ReloadAsync(canceled)).Status);
        Assert.DoesNotContain(OrderConfirmed.Type, await EventTypesAsync(app, canceled));
        Assert.Equal(OrderStatus.Confirmed, (await app.ReloadAsync(paid)).Status);
        Assert.Equal(balance - 1, await credits.BalanceAsync(scope));
        await using var db = await DbAsync(app);
        Assert.Equal(1, await db.Set<ChainPayment>().CountAsync(p => p.OrderId == canceled.Id && p.AfterOrderClosed));
    }

    private static async Task<FluxDbContext> DbAsync(FluxAppFactory app) =>
        await app.Services.GetRequiredService<IDbContextFactory<FluxDbContext>>().CreateDbContextAsync();

    private static async Task<List<string>> EventTypesAsync(FluxAppFactory app, Order order)
    {
        await using var db = await DbAsync(app);
        return await db.Set<OutboxEvent>().Where(e => e.MerchantId == order.MerchantId && e.Data.Contains(order.Id))
            .Select(e => e.Type).ToListAsync();
    }
}
