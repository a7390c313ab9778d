namespace Flux.Dashboard.Features.ApiKeys;

/// <summary>Secret keys (<c>sk_…</c>) act for the merchant from a server; publishable keys (<c>pk_…</c>) are for browser code.</summary>
public enum ApiKeyKind { Secret, Publishable }

/// <summary>Whether a key works: <see cref="Expiring"/> still works, until the grace period of a roll ends.</summary>
public enum ApiKeyState { Active, Expiring, Expired, Revoked }

/// <summary>
/// One API key of a merchant in one mode. Only the SHA-256 hash of the key is kept (the key itself is shown once, when
/// created), with the prefix and last 4 characters to recognise it by.
/// </summary>
public sealed class ApiKey
{
    /// <summary>The key's public id (<c>key_…</c>), for listing, rolling and revoking it; not a secret.</summary>
    public required string Id { get; init; }
    public required string MerchantId { get; init; }
    public bool Livemode { get; init; }
    public required string Name { get; set; }
    public ApiKeyKind Kind { get; init; }

    /// <summary><c>sk_test_</c>, <c>pk_live_</c>, …</summary>
    public required string Prefix { get; init; }

    public required string Last4 { get; init; }

    /// <summary>
    /// The whole publishable key, kept because it is public anyway (browser code carries it) and merchants copy it again
    /// later; always null for secret keys, which exist only as their hash.
    /// </summary>
    public string? PublishableKey { get; init; }

    /// <summary>SHA-256 of the whole key; the key is looked up by it.</summary>
    public required byte[] Hash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>When a rolled key stops working: the grace period its replacement was given.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>How the key is shown once its secret is gone: <c>sk_test_…a1B2</c>.</summary>
    public string Redacted => $"{Prefix}…{Last4}";

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public ApiKeyState StateAt(DateTimeOffset now) => this switch
    {
        { RevokedAt: not null } => ApiKeyState.Revoked,
        { ExpiresAt: { } expires } when expires <= now => ApiKeyState.Expired,
        { ExpiresAt: not null } => ApiKeyState.Expiring,
        _ => ApiKeyState.Active,
    };
}
