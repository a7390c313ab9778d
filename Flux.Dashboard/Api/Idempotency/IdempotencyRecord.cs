using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flux.Dashboard.Api.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> a merchant used in one mode: the request it was first used with, and — once that request
/// finished — the response to replay. A row without a response is a request still running. Kept 24 hours.
/// </summary>
public sealed class IdempotencyRecord
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// A row still "running" after this long belongs to a request that died with its process; the key is freed rather
    /// than answering 409 for a day.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    public required string MerchantId { get; init; }
    public bool Livemode { get; init; }
    public required string Key { get; init; }

    public required string RequestMethod { get; init; }

    /// <summary>Path and query string, as the client sent them.</summary>
    public required string RequestPath { get; init; }

    /// <summary>SHA-256 of the raw request body.</summary>
    public required byte[] RequestBodyHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Null while the first request is running.</summary>
    public int? ResponseStatus { get; set; }

    public string? ResponseContentType { get; set; }
    public string? ResponseLocation { get; set; }
    public byte[]? ResponseBody { get; set; }

    public bool IsRunning => ResponseStatus is null;

    /// <summary>Whether the key may be used afresh: the record is past its 24 hours, or its request died running.</summary>
    public bool IsStaleAt(DateTimeOffset now) =>
        CreatedAt + Lifetime <= now || (IsRunning && CreatedAt + AbandonedAfter <= now);

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
        // The key is unique per merchant and mode: the insert of a request's "running" row is its claim on the key.
        b.HasKey(r => new { r.MerchantId, r.Livemode, r.Key });
        b.Property(r => r.Key).HasMaxLength(IdempotencyMiddleware.MaxKeyLength);
        b.Property(r => r.RequestMethod).HasMaxLength(16);
        b.Property(r => r.RequestBodyHash).HasMaxLength(32).IsFixedLength();
        b.Property(r => r.ResponseContentType).HasMaxLength(256);
        b.Ignore(r => r.IsRunning);
        // The purge deletes by age.
        b.HasIndex(r => r.CreatedAt);
    }
}
