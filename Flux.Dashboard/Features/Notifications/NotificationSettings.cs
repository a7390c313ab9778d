using Flux.Dashboard.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Features.Notifications;

/// <summary>
/// Which mails a merchant gets. A merchant without a row has <see cref="Defaults"/>: the two mails Flux always sent
/// (low credits, a disabled webhook endpoint) on, the new ones off.
/// </summary>
public sealed class NotificationSettings
{
    public required string MerchantId { get; init; }

    /// <summary>A mail for each confirmed order (live mode only: test orders are the merchant's own).</summary>
    public bool EachConfirmedOrder { get; set; }

    /// <summary>A mail each morning (the merchant's time zone) with yesterday's confirmed orders and Pi received.</summary>
    public bool DailySummary { get; set; }

    public bool LowCredits { get; set; } = true;

    public bool WebhookDisabled { get; set; } = true;

    /// <summary>The merchant's local day the last daily summary covered, so each day is summed up once.</summary>
    public DateOnly? SummarySentFor { get; set; }

    public static NotificationSettings Defaults(string merchantId) => new() { MerchantId = merchantId };
}

internal sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> b)
    {
        b.ToTable("NotificationSettings");
        b.HasKey(x => x.MerchantId);
        // A deleted account takes its choices with it.
        b.HasOne<Merchant>().WithOne().HasForeignKey<NotificationSettings>(x => x.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}
