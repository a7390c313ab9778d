using Flux.Dashboard.Chain;
using Flux.Dashboard.Features.Checkout;
using Flux.Dashboard.Features.Orders;

namespace Flux.Dashboard.Tests.Checkout;

public sealed class CheckoutReceiptTests
{
    private static readonly ChainNetworkOptions Network = new() { ExplorerTransactionUrl = "https://explorer.example/tx/{hash}" };
    private static readonly DateTimeOffset Created = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_confirmed_order_has_a_receipt_with_what_was_paid_when_and_the_explorer_link()
    {
        var order = Order(OrderStatus.Confirmed);
        order.AmountReceived = 11m;
        order.PaidAt = Created.AddMinutes(3);
        order.TransactionHash = new string('a', 64);

        var receipt = CheckoutReceipt.For(order, Network)!;

        Assert.Equal(11m, receipt.Amount);
        Assert.Equal(Created.AddMinutes(3), receipt.At);
        Assert.Equal($"https://explorer.example/tx/{new string('a', 64)}", receipt.ExplorerUrl);
    }

    [Theory]
    [InlineData(OrderStatus.PendingConfirmation)]
    [InlineData(OrderStatus.Underpaid)]
    [InlineData(OrderStatus.AwaitingCredit)]
    [InlineData(OrderStatus.Expired)]
    [InlineData(OrderStatus.PaidAfterExpiry)]
    [InlineData(OrderStatus.Canceled)]
    public void Only_a_confirmed_order_has_a_receipt(OrderStatus status) => Assert.Null(CheckoutReceipt.For(Order(status), Network));

    private static Order Order(OrderStatus status) => new()
    {
        Id = "ord_1", MerchantId = "m", WalletId = "wal_1", Network = "sandbox", PayTo = "GABC", Amount = 10m, Status = status,
        CreatedAt = Created, ExpiresAt = Created.AddMinutes(30),
    };
}
