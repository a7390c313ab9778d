using System.Security.Cryptography;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Flux.Dashboard.Features.ApiKeys;

/// <summary>A key just made, with its secret: the only time the secret exists outside the caller's hands.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Secret);

/// <summary>A secret key and its publishable partner, made together.</summary>
public sealed record ApiKeyPair(CreatedApiKey Secret, CreatedApiKey Publishable);

/// <summary>
/// A merchant's API keys per mode: made in pairs, listed without secrets, rolled, revoked, and checked on every API
/// request. Every change is filtered on the scope's merchant and mode, so a key outside the scope is "not found".
/// </summary>
public sealed class ApiKeyService(IDbContextFactory<FluxDbContext> dbFactory, ApiKeyCache cache, TimeProvider clock, ILogger<ApiKeyService> logger)
{
    public const int MaxNameLength = 100;

    /// <summary>The longest an old key may keep working after it was rolled (Stripe allows a week as well).</summary>
    public static readonly TimeSpan MaxRollGrace = TimeSpan.FromDays(7);

    public static string? NameError(string? name) => name?.Trim() switch
    {
        null or "" => "Give the key a name, such as the app or server that uses it.",
        { Length: > MaxNameLength } trimmed => $"A key name holds at most {MaxNameLength} characters; this one has {trimmed.Length}.",
        _ => null,
    };

    /// <summary>Makes a secret key and a publishable key for the scope; their secrets are in the result only.</summary>
    public async Task<ServiceResult<ApiKeyPair>> CreatePairAsync(MerchantScope scope, string? name, CancellationToken cancellationToken = default)
    {
        if (NameError(name) is { } error)
            return ServiceResult<ApiKeyPair>.Invalid("name", error);
        var now = clock.GetUtcNow();
        var secret = NewKey(scope, name!.Trim(), ApiKeyKind.Secret, now);
        var publishable = NewKey(scope, name.Trim(), ApiKeyKind.Publishable, now);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AddRange(secret.Key, publishable.Key);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("API keys {SecretKeyId} and {PublishableKeyId} created for merchant {MerchantId} (livemode {Livemode})",
            secret.Key.Id, publishable.Key.Id, scope.MerchantId, scope.Livemode);
        return ServiceResult<ApiKeyPair>.Ok(new ApiKeyPair(secret, publishable));
    }

    /// <summary>The scope's keys, newest first; revoked and expired ones only when asked for.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(MerchantScope scope, bool includeInactive = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = await InScope(db, scope).AsNoTracking().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return keys.Where(k => includeInactive || k.IsActiveAt(now))
            .OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Kind)
            .ToList();
    }

    /// <summary>Stops the key at once; null when the scope has no such key.</summary>
    public async Task<ApiKey?> RevokeAsync(MerchantScope scope, string keyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await InScope(db, scope).SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (key is null)
            return null;
        key.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        await cache.InvalidateAsync();
        logger.LogInformation("API key {KeyId} of merchant {MerchantId} revoked", key.Id, key.MerchantId);
        return key;
    }

    /// <summary>
    /// Replaces an active key with a new one of the same kind and name. The old key stops at once, or keeps working for
    /// <paramref name="keepOldFor"/> (at most <see cref="MaxRollGrace"/>) so servers can switch over. Null when the
    /// scope has no such active key.
    /// </summary>
    public async Task<CreatedApiKey?> RollAsync(MerchantScope scope, string keyId, TimeSpan? keepOldFor = null, CancellationToken cancellationToken = default)
    {
        if (keepOldFor is { } grace && (grace < TimeSpan.Zero || grace > MaxRollGrace))
            throw new ArgumentOutOfRangeException(nameof(keepOldFor), keepOldFor, $"The old key may keep working for at most {MaxRollGrace.TotalDays} days.");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var old = await InScope(db, scope).SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (old is null || !old.IsActiveAt(now))
            return null;

        if (keepOldFor is { } keep && keep > TimeSpan.Zero)
            old.ExpiresAt = old.ExpiresAt is { } earlier && earlier < now + keep ? earlier : now + keep;
        else
            old.RevokedAt = now;
        var replacement = NewKey(scope, old.Name, old.Kind, now);
        db.Add(replacement.Key);
        await db.SaveChangesAsync(CancellationToken.None);
        await cache.InvalidateAsync();
        logger.LogInformation("API key {KeyId} of merchant {MerchantId} rolled into {NewKeyId}; the old key works until {Until}",
            old.Id, old.MerchantId, replacement.Key.Id, old.RevokedAt ?? old.ExpiresAt);
        return replacement;
    }

    /// <summary>The active key this string is, or null: unknown, malformed, revoked and expired keys all look the same.</summary>
    public async Task<ApiKey?> AuthenticateAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (!ApiKeySecret.IsWellFormed(presented))
            return null;
        var hash = ApiKeySecret.Hash(presented!);
        var key = cache.Find(hash) ?? await ReadAsync(hash, cancellationToken);
        // The index (or the cache) finds the row; the comparison that decides is the constant-time one.
        if (key is null || !CryptographicOperations.FixedTimeEquals(key.Hash, hash))
            return null;
        return key.IsActiveAt(clock.GetUtcNow()) && presented!.StartsWith(key.Prefix, StringComparison.Ordinal) ? key : null;
    }

    /// <summary>After keys were deleted outside this service (an account deleted with its keys).</summary>
    public Task ForgetCachedKeysAsync() => cache.InvalidateAsync();

    private async Task<ApiKey?> ReadAsync(byte[] hash, CancellationToken cancellationToken)
    {
        var generation = cache.Generation;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.Set<ApiKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash, cancellationToken);
        if (key is not null)
            cache.Keep(key, generation);
        return key;
    }

    private static CreatedApiKey NewKey(MerchantScope scope, string name, ApiKeyKind kind, DateTimeOffset now)
    {
        var secret = ApiKeySecret.New(kind, scope.Livemode);
        var key = new ApiKey
        {
            Id = PublicId.New("key"),
            MerchantId = scope.MerchantId,
            Livemode = scope.Livemode,
            Name = name,
            Kind = kind,
            Prefix = ApiKeySecret.Prefix(kind, scope.Livemode),
            Last4 = secret[^4..],
            PublishableKey = kind == ApiKeyKind.Publishable ? secret : null,
            Hash = ApiKeySecret.Hash(secret),
            CreatedAt = now,
        };
        return new(key, secret);
    }

    private static IQueryable<ApiKey> InScope(FluxDbContext db, MerchantScope scope) =>
        db.Set<ApiKey>().Where(k => k.MerchantId == scope.MerchantId && k.Livemode == scope.Livemode);
}
