using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Features.Events;

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public const string Table = "OutboxEvents";

    public void Configure(EntityTypeBuilder<OutboxEvent> b)
    {
        b.ToTable(Table);
        b.HasKey(e => e.Sequence);
        b.HasIndex(e => e.Id).IsUnique();
        b.Property(e => e.Type).HasMaxLength(64);
        b.Ignore(e => e.Record);
        b.HasIndex(e => new { e.MerchantId, e.Livemode, e.Sequence });
        // The dispatcher's queue: only events not yet dispatched are in it, so an event dispatched in the transaction
        // that writes it (the order group commit) never touches it.
        b.HasIndex(e => e.Sequence, "IX_OutboxEvents_Undispatched").HasFilter("\"DispatchedAt\" IS NULL");
    }
}
