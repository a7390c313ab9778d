using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Tests.Orders;

public sealed class PaymentMatcherTests
{
    private const string Wallet = "GWALLET";
    private static readonly DateTimeOffset Created = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>One row of the table: the order as it stands, the payment that arrives, and what must follow.</summary>
    public sealed record Case(string Name, OrderStatus Status, decimal Received, decimal Paid, string? Memo, string Wallet, string Network,
        int PaidMinutesAfterCreation, bool HasCredit, MatchOutcome Expected, decimal ReceivedAfter)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases => new()
    {
        new("exact payment",              OrderStatus.PendingConfirmation, 0m,  10m,   "ord_1", Wallet,   "sandbox",    5,  true,  MatchOutcome.Confirmed,          10m),
        new("overpayment",                OrderStatus.PendingConfirmation, 0m,  12.5m, "ord_1", Wallet,   "sandbox",    5,  true,  MatchOutcome.Confirmed,          12.5m),
        new("partial payment",            OrderStatus.PendingConfirmation, 0m,  4m,    "ord_1", Wallet,   "sandbox",    5,  true,  MatchOutcome.Underpaid,          4m),
        new("second part completes",      OrderStatus.Underpaid,           4m,  6m,    "ord_1", Wallet,   "sandbox",    5,  true,  MatchOutcome.Confirmed,          10m),
        new("second part still short",    OrderStatus.Underpaid,           4m,  3m,    "ord_1", Wallet,   "sandbox",    5,  true,  MatchOutcome.Underpaid,          7m),
        new("no credit left",             OrderStatus.PendingConfirmation, 0m,  10m,   "ord_1", Wallet,   "sandbox",    5,  false, MatchOutcome.AwaitingCredit,     10m),
        new("paid after expiry time",     OrderStatus.PendingConfirmation, 0m,  10m,   "ord_1", Wallet,   "sandbox",    31, true,  MatchOutcome.PaidAfterExpiry,    10m),
        new("paid after expiry job",      OrderStatus.Expired,             0m,  10m,   "ord_1", Wallet,   "sandbox",    45, true,  MatchOutcome.PaidAfterExpiry,    10m),
        new("paid to a canceled order",   OrderStatus.Canceled,            0m,  10m,   "ord_1", Wallet,   "sandbox",    5,  true,  MatchOutcome.AddedToClosedOrder, 10m),
        new("paid again after confirmed", OrderStatus.Confirmed,           10m, 10m,   "ord_1", Wallet,   "sandbox",    5,  true,  MatchOutcome.AddedToClosedOrder, 20m),
        new("memo of another order",      OrderStatus.PendingConfirmation, 0m,  10m,   "ord_2", Wallet,   "sandbox",    5,  true,  MatchOutcome.Unmatched,          0m),
        new("no memo",                    OrderStatus.PendingConfirmation, 0m,  10m,   null,    Wallet,   "sandbox",    5,  true,  MatchOutcome.Unmatched,          0m),
        new("right memo, other wallet",   OrderStatus.PendingConfirmation, 0m,  10m,   "ord_1", "GOTHER", "sandbox",    5,  true,  MatchOutcome.Unmatched,          0m),
        new("right memo, other network",  OrderStatus.PendingConfirmation, 0m,  10m,   "ord_1", Wallet,   "pi-mainnet", 5,  true,  MatchOutcome.Unmatched,          0m),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides(Case c)
    {
        var order = new Order
        {
            Id = "ord_1", MerchantId = "m", WalletId = "wal_1", Network = "sandbox", PayTo = Wallet, Amount = 10m,
            AmountReceived = c.Received, Status = c.Status, CreatedAt = Created, ExpiresAt = Created.AddMinutes(30),
        };
        var payment = new IncomingPayment(c.Network, c.Wallet, c.Paid, c.Memo is null ? "none" : "text", c.Memo, Created.AddMinutes(c.PaidMinutesAfterCreation));

        var decision = PaymentMatcher.Decide(payment, order, c.HasCredit);

        Assert.Equal(c.Expected, decision.Outcome);
        Assert.Equal(c.ReceivedAfter, decision.AmountReceived);
    }

    [Fact]
    public void A_memo_that_names_no_order_is_unmatched()
    {
        var payment = new IncomingPayment("sandbox", Wallet, 1m, "text", "ord_missing", Created);

        Assert.Equal(MatchOutcome.Unmatched, PaymentMatcher.Decide(payment, null, merchantHasCredit: true).Outcome);
    }

    [Fact]
    public void An_id_memo_with_the_right_digits_is_not_a_text_memo_and_does_not_match()
    {
        var order = new Order
        {
            Id = "ord_1", MerchantId = "m", WalletId = "w", Network = "sandbox", PayTo = Wallet, Amount = 1m,
            Status = OrderStatus.PendingConfirmation, CreatedAt = Created, ExpiresAt = Created.AddMinutes(30),
        };

        var decision = PaymentMatcher.Decide(new IncomingPayment("sandbox", Wallet, 1m, "id", "ord_1", Created), order, true);

        Assert.Equal(MatchOutcome.Unmatched, decision.Outcome);
    }
}
