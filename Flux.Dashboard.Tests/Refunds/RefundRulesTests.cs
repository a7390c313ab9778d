using System.Globalization;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Refunds;

namespace Flux.Dashboard.Tests.Refunds;

/// <summary>The refund state machine and its amounts, one row per situation (issue #28).</summary>
public sealed class RefundRulesTests
{
    [Theory]
    // A fulfilled order gives back its overpaid part by default, and at most what it received.
    [InlineData(OrderStatus.Confirmed, "2", "3", "0", null, "1", null)]
    [InlineData(OrderStatus.Confirmed, "2", "3", "0.4", null, "0.6", null)]
    [InlineData(OrderStatus.AwaitingCredit, "2", "2.5", "0", null, "0.5", null)]
    [InlineData(OrderStatus.Confirmed, "2", "2", "0", null, null, "amount")]
    [InlineData(OrderStatus.Confirmed, "2", "3", "1", null, null, "amount")]
    [InlineData(OrderStatus.Confirmed, "2", "2", "0", "2", "2", null)]
    [InlineData(OrderStatus.Confirmed, "2", "3", "0", "3", "3", null)]
    [InlineData(OrderStatus.Confirmed, "2", "3", "0", "3.0000001", null, "amount")]
    [InlineData(OrderStatus.Confirmed, "2", "3", "3", null, null, "order_id")]
    // An unfulfilled order gives back everything it received.
    [InlineData(OrderStatus.Expired, "5", "2", "0", null, "2", null)]
    [InlineData(OrderStatus.Canceled, "5", "1.5", "0", null, "1.5", null)]
    [InlineData(OrderStatus.PaidAfterExpiry, "2", "2.25", "0", null, "2.25", null)]
    [InlineData(OrderStatus.PaidAfterExpiry, "2", "2", "0.5", null, "1.5", null)]
    [InlineData(OrderStatus.PaidAfterExpiry, "2", "2", "0.5", "1.5000001", null, "amount")]
    [InlineData(OrderStatus.Expired, "5", "0", "0", null, null, "order_id")]
    // An order still waiting for payment is canceled first: its customer may still pay the rest.
    [InlineData(OrderStatus.PendingConfirmation, "5", "0", "0", null, null, "order_id")]
    [InlineData(OrderStatus.Underpaid, "5", "1", "0", null, null, "order_id")]
    // Amounts are Pi: above zero, at most 7 decimals.
    [InlineData(OrderStatus.Canceled, "5", "1", "0", "0", null, "amount")]
    [InlineData(OrderStatus.Canceled, "5", "1", "0", "0.00000001", null, "amount")]
    [InlineData(OrderStatus.Canceled, "5", "1", "0", "0.0000001", "0.0000001", null)]
    public void An_order_refund_takes_its_default_or_named_amount_within_what_is_left(
        OrderStatus status, string price, string received, string committed, string? requested, string? expected, string? errorField)
    {
        var (money, unrefundable) = RefundRules.ForOrder(status, Pi(price), Pi(received), Pi(committed));
        var (amount, invalid) = money is null ? (null, null) : RefundRules.Amount(money, requested is null ? null : Pi(requested));

        Assert.Equal(errorField, (unrefundable ?? invalid)?.Field);
        Assert.Equal(expected is null ? null : Pi(expected), amount);
    }

    [Theory]
    [InlineData("4", "0", null, "4", null)]
    [InlineData("4", "1", null, "3", null)]
    [InlineData("4", "1", "3", "3", null)]
    [InlineData("4", "1", "3.5", null, "amount")]
    [InlineData("4", "4", null, null, "payment_id")]
    public void An_unmatched_payment_refund_takes_the_whole_payment_by_default(
        string paid, string committed, string? requested, string? expected, string? errorField)
    {
        var (money, unrefundable) = RefundRules.ForPayment(Pi(paid), Pi(committed));
        var (amount, invalid) = money is null ? (null, null) : RefundRules.Amount(money, requested is null ? null : Pi(requested));

        Assert.Equal(errorField, (unrefundable ?? invalid)?.Field);
        Assert.Equal(expected is null ? null : Pi(expected), amount);
    }

    [Theory]
    [InlineData(RefundStatus.Pending, "1", "1", RefundStatus.Succeeded)]
    [InlineData(RefundStatus.Pending, "1", "1.5", RefundStatus.Succeeded)]
    [InlineData(RefundStatus.Pending, "1", "0.4", RefundStatus.PartiallyRefunded)]
    [InlineData(RefundStatus.Succeeded, "1", "1", null)]
    [InlineData(RefundStatus.PartiallyRefunded, "1", "0.6", null)]
    [InlineData(RefundStatus.Canceled, "1", "1", null)]
    public void Only_a_pending_refund_is_settled_by_a_payment(RefundStatus status, string amount, string sent, RefundStatus? after) =>
        Assert.Equal(after, RefundRules.AfterPayment(status, Pi(amount), Pi(sent)));

    [Theory]
    [InlineData(RefundStatus.Pending, true, "2")]
    [InlineData(RefundStatus.Succeeded, false, "1.5")]
    [InlineData(RefundStatus.PartiallyRefunded, false, "1.5")]
    [InlineData(RefundStatus.Canceled, false, "0")]
    public void Only_a_pending_refund_can_be_canceled_and_each_status_takes_its_share(RefundStatus status, bool cancelable, string takes)
    {
        Assert.Equal(cancelable, RefundRules.CancelError(status) is null);
        Assert.Equal(Pi(takes), RefundRules.Committed(status, amount: 2m, refunded: 1.5m));
    }

    private static decimal Pi(string amount) => decimal.Parse(amount, CultureInfo.InvariantCulture);
}
