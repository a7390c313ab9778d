using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Common;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Refunds;
using Flux.Dashboard.Tests.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Refunds;

/// <summary>
/// The watcher's side of refunds: payments out of a merchant's wallet handed to the sink as the watcher hands them,
/// settling the refund their memo names (issue #28).
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class RefundPaymentsTests(FluxAppFactory app)
{
    private IPaymentSink Sink => app.Services.GetRequiredService<IPaymentSink>();
    private RefundService Refunds => app.Services.GetRequiredService<RefundService>();

    [Fact]
    public async Task The_refund_payment_succeeds_the_refund_once_with_its_transaction_and_spends_no_credit()
    {
        var (scope, refund) = await PendingRefundAsync(price: 2m, paid: 3m);
        var credits = await app.Services.GetRequiredService<CreditService>().BalanceAsync(scope);
        var payment = RefundFixtures.RefundPayment(refund, 1m);

        await Sink.HandleAsync(payment, CancellationToken.None);
        await Sink.HandleAsync(payment, CancellationToken.None);

        var settled = (await Refunds.GetAsync(scope, refund.Id))!;
        Assert.Equal(RefundStatus.Succeeded, settled.Status);
        Assert.Equal(1m, settled.AmountRefunded);
        Assert.Equal(payment.Record.TransactionHash, settled.TransactionHash);
        Assert.Equal(payment.Record.Id, settled.OperationId);
        Assert.Equal(payment.Record.CreatedAt, settled.RefundedAt);
        Assert.Equal(credits, await app.Services.GetRequiredService<CreditService>().BalanceAsync(scope));
        Assert.Single(await EventsAsync(scope, "refund.succeeded"));
        var cancel = await Refunds.CancelAsync(scope, refund.Id);
        Assert.Equal(ServiceFailure.Invalid, cancel.Failure);
        Assert.Equal("The refund is succeeded: its payment was seen on chain, so it cannot be canceled.", cancel.Error!.Message);
    }

    [Fact]
    public async Task Less_than_the_amount_partially_refunds_and_what_is_left_can_be_refunded_again()
    {
        var (scope, refund) = await PendingRefundAsync(price: 2m, paid: 3m);

        await Sink.HandleAsync(RefundFixtures.RefundPayment(refund, 0.4m), CancellationToken.None);
        var rest = await Refunds.CreateAsync(scope, new CreateRefundRequest(refund.OrderId, null, Amount: 0.6m));
        var more = await Refunds.CreateAsync(scope, new CreateRefundRequest(refund.OrderId, null, Amount: 2.0000001m));

        var partial = (await Refunds.GetAsync(scope, refund.Id))!;
        Assert.Equal(RefundStatus.PartiallyRefunded, partial.Status);
        Assert.Equal(0.4m, partial.AmountRefunded);
        Assert.Single(await EventsAsync(scope, "refund.partially_refunded"));
        Assert.True(rest.Succeeded, string.Join("; ", rest.Errors));
        Assert.Equal("amount", Assert.Single(more.Errors).Field);
    }

    [Fact]
    public async Task A_payment_to_someone_else_from_another_wallet_or_after_cancel_leaves_the_refund_alone()
    {
        var (scope, refund) = await PendingRefundAsync(price: 2m, paid: 3m);

        await Sink.HandleAsync(RefundFixtures.RefundPayment(refund, 1m, to: TestAddresses.Random()), CancellationToken.None);
        await Sink.HandleAsync(RefundFixtures.RefundPayment(refund, 1m, from: TestAddresses.Random()), CancellationToken.None);
        var stillPending = (await Refunds.GetAsync(scope, refund.Id))!.Status;
        await Refunds.CancelAsync(scope, refund.Id);
        await Sink.HandleAsync(RefundFixtures.RefundPayment(refund, 1m), CancellationToken.None);

        Assert.Equal(RefundStatus.Pending, stillPending);
        Assert.Equal(RefundStatus.Canceled, (await Refunds.GetAsync(scope, refund.Id))!.Status);
        Assert.Empty(await EventsAsync(scope, "refund.succeeded"));
    }

    private async Task<(MerchantScope Scope, Refund Refund)> PendingRefundAsync(decimal price, decimal paid)
    {
        var merchant = await app.NewApiMerchantAsync();
        await app.AddUnwatchedWalletAsync(merchant.TestScope);
        using var client = app.ApiClient(merchant.TestKey);
        var (orderId, _) = await app.PaidOrderAsync(client, price, paid, TestAddresses.Random());
        var created = await Refunds.CreateAsync(merchant.TestScope, new CreateRefundRequest(orderId, null));
        return (merchant.TestScope, created.Value!);
    }

    private Task<List<OutboxEvent>> EventsAsync(MerchantScope scope, string type) =>
        app.Services.GetRequiredService<EventQueries>().RecentAsync(scope, new EventTypeFilter([type]), 100);
}
