using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Common;
using Flux.Dashboard.Features.Orders;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Flux.Dashboard.Tests.Orders;

/// <summary>The pure pieces behind the Orders pages: timeline, amounts, the typed amount, the filter's query string.</summary>
public sealed class OrderPresentationTests
{
    private static readonly DateTimeOffset Created = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(OrderStatus.PendingConfirmation, true)]
    [InlineData(OrderStatus.Underpaid, true)]
    [InlineData(OrderStatus.AwaitingCredit, false)]
    [InlineData(OrderStatus.Confirmed, false)]
    [InlineData(OrderStatus.Expired, false)]
    [InlineData(OrderStatus.PaidAfterExpiry, false)]
    [InlineData(OrderStatus.Canceled, false)]
    public void A_payment_is_simulated_only_while_the_order_waits_for_one(OrderStatus status, bool offered) =>
        Assert.Equal(offered, OrderStatusDisplay.CanSimulatePayment(status));

    [Fact]
    public void A_pending_order_shows_created_then_an_open_waiting_step()
    {
        var timeline = OrderTimeline.Build(NewOrder(OrderStatus.PendingConfirmation), []);

        Assert.Equal([TimelineStep.Created, TimelineStep.WaitingForPayment], timeline.Select(e => e.Step));
        Assert.Null(timeline[^1].At);
    }

    [Fact]
    public void A_confirmed_order_shows_each_payment_with_its_transaction_then_the_confirmation_and_the_overpayment()
    {
        var order = NewOrder(OrderStatus.Confirmed, received: 11m);
        order.PaidAt = order.ConfirmedAt = Created.AddMinutes(5);
        var first = Payment(4m, Created.AddMinutes(2));
        var second = Payment(7m, Created.AddMinutes(5));

        var timeline = OrderTimeline.Build(order, [first, second]);

        Assert.Equal([TimelineStep.Created, TimelineStep.PaymentSeen, TimelineStep.PaymentSeen, TimelineStep.Confirmed], timeline.Select(e => e.Step));
        Assert.Same(first, timeline[1].Payment);
        Assert.Equal("Payment seen: 7 Pi", timeline[2].Title);
        Assert.Equal("Overpaid by 1 Pi.", timeline[3].Detail);
    }

    [Fact]
    public void A_payment_whose_ledger_time_is_rounded_down_to_before_the_creation_still_comes_after_it()
    {
        var order = NewOrder(OrderStatus.Underpaid, received: 4m);
        var sameSecond = Payment(4m, Created.AddMilliseconds(-400));

        var timeline = OrderTimeline.Build(order, [sameSecond]);

        Assert.Equal([TimelineStep.Created, TimelineStep.PaymentSeen, TimelineStep.Underpaid, TimelineStep.WaitingForPayment], timeline.Select(e => e.Step));
    }

    [Theory]
    [InlineData(OrderStatus.Underpaid, new[] { TimelineStep.Created, TimelineStep.PaymentSeen, TimelineStep.Underpaid, TimelineStep.WaitingForPayment })]
    [InlineData(OrderStatus.AwaitingCredit, new[] { TimelineStep.Created, TimelineStep.PaymentSeen, TimelineStep.AwaitingCredit })]
    [InlineData(OrderStatus.Expired, new[] { TimelineStep.Created, TimelineStep.PaymentSeen, TimelineStep.Expired })]
    [InlineData(OrderStatus.Canceled, new[] { TimelineStep.Created, TimelineStep.PaymentSeen, TimelineStep.Canceled })]
    public void Every_outcome_ends_the_timeline(OrderStatus status, TimelineStep[] expected)
    {
        var order = NewOrder(status, received: 4m);
        order.PaidAt = Created.AddMinutes(3);
        order.CanceledAt = Created.AddMinutes(20);

        var timeline = OrderTimeline.Build(order, [Payment(4m, Created.AddMinutes(3))]);

        Assert.Equal(expected, timeline.Select(e => e.Step));
    }

    [Fact]
    public void A_payment_after_expiry_comes_after_the_expiry_on_the_timeline()
    {
        var order = NewOrder(OrderStatus.PaidAfterExpiry, received: 10m);
        var late = Payment(10m, order.ExpiresAt.AddHours(2));
        order.PaidAt = late.CreatedAt;

        var timeline = OrderTimeline.Build(order, [late]);

        Assert.Equal([TimelineStep.Created, TimelineStep.Expired, TimelineStep.PaymentSeen, TimelineStep.PaidAfterExpiry], timeline.Select(e => e.Step));
    }

    [Theory]
    [InlineData("1250.5", 1250.5)]
    [InlineData(" 0.0000001 ", 0.0000001)]
    [InlineData("-3", -3)]
    public void Typed_amounts_are_read_with_a_decimal_point_whatever_the_culture(string typed, double expected)
    {
        Assert.True(OrderAmountInput.TryParse(typed, out var amount, out _));
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("1,5")]
    [InlineData("1.000,5")]
    [InlineData("1e3")]
    [InlineData("NaN")]
    public void Anything_else_typed_is_a_field_error_not_an_exception(string typed)
    {
        Assert.False(OrderAmountInput.TryParse(typed, out var amount, out var error));
        Assert.Null(amount);
        Assert.NotNull(error);
    }

    [Fact]
    public void An_empty_amount_is_left_to_the_order_service_to_ask_for()
    {
        Assert.True(OrderAmountInput.TryParse("  ", out var amount, out var error));
        Assert.Null(amount);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(1250.5, "1,250.5")]
    [InlineData(0.0000001, "0.0000001")]
    [InlineData(10, "10")]
    public void Amounts_read_for_people_drop_trailing_zeros(double amount, string expected) =>
        Assert.Equal(expected, PiFormat.Amount((decimal)amount));

    [Fact]
    public void The_filter_survives_the_export_links_query_string()
    {
        var filter = new OrderFilter(OrderStatus.PaidAfterExpiry, new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 31), "mug & cup");

        var query = filter.ToQueryString();
        Assert.True(OrderFilter.TryParse(new QueryCollection(QueryHelpers.ParseQuery(query)), out var parsed, out _));

        Assert.Equal("?status=paid_after_expiry&from=2026-01-02&to=2026-01-31&q=mug%20%26%20cup", query);
        Assert.Equal(filter, parsed);
        Assert.Equal("", OrderFilter.None.ToQueryString());
    }

    [Theory]
    [InlineData("?status=paid")]
    [InlineData("?from=01/02/2026")]
    [InlineData("?to=2026-13-01")]
    public void A_malformed_filter_is_an_error(string query) =>
        Assert.False(OrderFilter.TryParse(new QueryCollection(QueryHelpers.ParseQuery(query)), out _, out _));

    private static Order NewOrder(OrderStatus status, decimal amount = 10m, decimal received = 0m) => new()
    {
        Id = "ord_timeline", MerchantId = "m", WalletId = "wal_1", Network = "sandbox", PayTo = "GPAYTO",
        Amount = amount, AmountReceived = received, Status = status, CreatedAt = Created, ExpiresAt = Created.AddMinutes(30),
    };

    private static ChainPayment Payment(decimal amount, DateTimeOffset at) => new()
    {
        Network = "sandbox", OperationId = Guid.NewGuid().ToString("N"), PagingToken = "1", TransactionHash = Guid.NewGuid().ToString("N"),
        Wallet = "GPAYTO", Amount = amount, MemoType = "text", Memo = "ord_timeline", CreatedAt = at, RecordedAt = at, OrderId = "ord_timeline",
    };
}
