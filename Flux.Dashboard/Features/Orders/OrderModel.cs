using Flux.Dashboard.Features.Rates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Features.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.ToTable("Orders");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).HasMaxLength(28);
        // A confirmation's UPDATE is written only over the status the watcher read: a cancel committed in between (on
        // PostgreSQL, by another instance) makes the batch fail and run again payment by payment, which then sees the
        // cancel. Cancel and expiry themselves change the status by a conditional update (OrderRules.Unpaid).
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(32).IsConcurrencyToken();
        b.Property(o => o.Description).HasMaxLength(OrderRules.MaxDescriptionLength);
        b.Property(o => o.PayTo).HasMaxLength(56);
        b.Property(o => o.ButtonId).HasMaxLength(28);
        b.Property(o => o.PaymentLinkId).HasMaxLength(28);
        b.Property(o => o.CustomerEmail).HasMaxLength(OrderRules.MaxCustomerEmailLength);
        b.Property(o => o.PriceCurrency).HasMaxLength(3);
        b.Property(o => o.RateValue).HasPrecision(28, PriceRules.MaxRateDecimals);
        b.Property(o => o.RateSource).HasConversion<string>().HasMaxLength(16);
        b.Ignore(o => o.Memo);
        b.Ignore(o => o.Overpaid);
        b.Ignore(o => o.AmountDue);
        b.HasIndex(o => new { o.MerchantId, o.Livemode, o.CreatedAt });
        b.HasIndex(o => new { o.MerchantId, o.Livemode, o.Status });
        // The expiry job's queue: only orders still awaiting payment are in it, and an order leaves it once paid, expired or
        // canceled, so the job reads what is due instead of every order ever made.
        b.HasIndex(o => o.ExpiresAt, "IX_Orders_AwaitingPayment_ExpiresAt").HasFilter("\"Status\" IN ('PendingConfirmation', 'Underpaid')");
        // Only button orders are in it: an order made through the API (most of them) does not write to it.
        b.HasIndex(o => o.ButtonId).HasFilter("\"ButtonId\" IS NOT NULL");
        b.HasIndex(o => o.PaymentLinkId).HasFilter("\"PaymentLinkId\" IS NOT NULL");
    }
}
