using Flux.Dashboard.Api;
using Flux.Dashboard.Features.Rates;

namespace Flux.Dashboard.Features.Orders;

/// <summary>A Pi order: the customer pays <see cref="Amount"/> to <see cref="PayTo"/> with the order id as text memo.</summary>
public sealed class Order : IListedRow
{
    public required string Id { get; init; }
    public required string MerchantId { get; init; }
    public bool Livemode { get; init; }
    public required string WalletId { get; init; }
    public required string Network { get; init; }
    public required string PayTo { get; init; }
    public decimal Amount { get; init; }
    public string? Description { get; init; }

    /// <summary>
    /// The price in the merchant's currency that <see cref="Amount"/> was locked from, at <see cref="RateValue"/> (the
    /// price of one Pi) from <see cref="RateSource"/> as of <see cref="RateAsOf"/>; all null for an order priced in Pi.
    /// </summary>
    public decimal? PriceAmount { get; init; }
    public string? PriceCurrency { get; init; }
    public decimal? RateValue { get; init; }
    public RateSource? RateSource { get; init; }
    public DateTimeOffset? RateAsOf { get; init; }

    /// <summary>The order button a customer started this order from; null for orders the merchant created.</summary>
    public string? ButtonId { get; init; }

    /// <summary>The payment link (<c>plink_…</c>) a customer started this order from; null for other orders.</summary>
    public string? PaymentLinkId { get; init; }

    /// <summary>Where the customer's receipt goes once the order is confirmed (<c>Features/Receipts</c>); null for none.</summary>
    public string? CustomerEmail { get; init; }

    /// <summary>The Stellar text memo the payment must carry: the order id itself.</summary>
    public string Memo => Id;

    public OrderStatus Status { get; set; }

    /// <summary>Sum of the payments matched to this order so far.</summary>
    public decimal AmountReceived { get; set; }

    public bool Overpaid => AmountReceived > Amount;

    /// <summary>What the customer still has to pay: never below zero, even when overpaid.</summary>
    public decimal AmountDue => Math.Max(0, Amount - AmountReceived);

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? PaidAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? CanceledAt { get; set; }

    /// <summary>Hash of the transaction that completed the payment.</summary>
    public string? TransactionHash { get; set; }
}
