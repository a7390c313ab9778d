using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Features.Receipts;

/// <summary>
/// A confirmed order's receipt: the unguessable <see cref="Token"/> of its public page <c>/receipts/{token}</c> (the
/// order id is guessable, being time-ordered), and when its mail went to the order's customer, if one asked for it.
/// Issued in the write that confirms the order (<see cref="For"/>), so every confirmed order has exactly one.
/// </summary>
public sealed class Receipt
{
    public required string OrderId { get; init; }
    public required string Token { get; init; }
    public required string MerchantId { get; init; }
    public bool Livemode { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set when the mail is claimed for sending, so a job run twice (retries, restarts) sends it once.</summary>
    public DateTimeOffset? MailedAt { get; set; }

    public const string TokenPrefix = "rcpt";

    /// <summary>The receipt of <paramref name="order"/>, confirmed at <paramref name="now"/>, with a new random token.</summary>
    public static Receipt For(Order order, DateTimeOffset now) => new()
    {
        OrderId = order.Id, Token = PublicId.New(TokenPrefix, 24), MerchantId = order.MerchantId, Livemode = order.Livemode, CreatedAt = now,
    };

    /// <summary>The receipt's page: <c>{base}/receipts/{token}</c>.</summary>
    public static string UrlFor(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/receipts/{token}";
}

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> b)
    {
        b.ToTable("Receipts");
        b.HasKey(r => r.OrderId);
        b.Property(r => r.OrderId).HasMaxLength(28);
        b.Property(r => r.Token).HasMaxLength(32);
        b.HasIndex(r => r.Token).IsUnique();
    }
}
