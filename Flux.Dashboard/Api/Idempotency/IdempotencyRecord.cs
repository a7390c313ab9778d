using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Api.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> a merchant used in one mode: the request it was first used with and the response to replay.
/// Written in the same transaction as the work the response describes (<see cref="IdempotencyKeyFeature"/>), so it
/// exists exactly when that work does, whatever crashes. Kept 24 hours.
/// </summary>
public sealed class IdempotencyRecord
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public required string MerchantId { get; init; }
    public bool Livemode { get; init; }
    public required string Key { get; init; }

    public required string RequestMethod { get; init; }

    /// <summary>Path and query string, as the client sent them.</summary>
    public required string RequestPath { get; init; }

    /// <summary>SHA-256 of the raw request body.</summary>
    public required byte[] RequestBodyHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public int ResponseStatus { get; init; }
    public string? ResponseContentType { get; init; }
    public string? ResponseLocation { get; init; }
    public required byte[] ResponseBody { get; init; }

    /// <summary>Whether the key may be used afresh: the record is past its 24 hours.</summary>
    public bool IsStaleAt(DateTimeOffset now) => CreatedAt + Lifetime <= now;

    public bool Matches(IdempotentRequest request) =>
        RequestMethod == request.Method
        && RequestPath == request.Path
        && RequestBodyHash.AsSpan().SequenceEqual(request.BodyHash);
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("IdempotencyRecords");
        // One record per key, merchant and mode: of two requests racing with one key (on two servers), the one whose
        // transaction commits second fails as a whole, its work with it, and replays the first one's response.
        b.HasKey(r => new { r.MerchantId, r.Livemode, r.Key });
        b.Property(r => r.Key).HasMaxLength(IdempotencyMiddleware.MaxKeyLength);
        b.Property(r => r.RequestMethod).HasMaxLength(16);
        b.Property(r => r.RequestBodyHash).HasMaxLength(32).IsFixedLength();
        b.Property(r => r.ResponseContentType).HasMaxLength(256);
        // The purge deletes by age.
        b.HasIndex(r => r.CreatedAt);
    }
}
