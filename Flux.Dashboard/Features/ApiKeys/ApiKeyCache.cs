using System.Collections.Concurrent;

namespace Flux.Dashboard.Features.ApiKeys;

/// <summary>
/// The keys recently found by their hash, so an API request needs no database read to authenticate. Only keys found in
/// the database are kept (unknown strings always ask it), and the caller still checks revocation and expiry on every
/// request, so a roll's grace period ends exactly on time. <see cref="InvalidateAsync"/> drops every entry at once: any
/// change to a key in this process calls it after its commit, and an entry read before that call is never served
/// after it. It tells the other instances (<see cref="IOtherInstances"/>, Redis when configured), which drop theirs as
/// soon as they hear; a change they never hear of (Redis down, a process without Redis) shows there after
/// <see cref="Lifetime"/> at most.
/// </summary>
public sealed class ApiKeyCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private const string Topic = "api-keys-changed";

    private readonly ConcurrentDictionary<string, Entry> entries = new();
    private readonly TimeProvider clock;
    private readonly IOtherInstances others;
    private long generation;

    public ApiKeyCache(TimeProvider clock, IOtherInstances others)
    {
        (this.clock, this.others) = (clock, others);
        others.Listen(Topic, _ =>
        {
            Forget();
            return Task.CompletedTask;
        });
    }

    private sealed record Entry(ApiKey Key, long Generation, DateTimeOffset ReadAt);

    /// <summary>Taken before the database read whose result goes to <see cref="Keep"/>.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public ApiKey? Find(byte[] hash)
    {
        if (!entries.TryGetValue(Convert.ToHexString(hash), out var entry))
            return null;
        return entry.Generation == Generation && clock.GetUtcNow() - entry.ReadAt < Lifetime ? entry.Key : null;
    }

    /// <summary>Keeps a key read from the database after <paramref name="readGeneration"/> was taken.</summary>
    public void Keep(ApiKey key, long readGeneration) =>
        entries[Convert.ToHexString(key.Hash)] = new Entry(key, readGeneration, clock.GetUtcNow());

    /// <summary>After a key was revoked, rolled or deleted: no entry read before now is served again, here or elsewhere.</summary>
    public Task InvalidateAsync()
    {
        Forget();
        return others.TellAsync(Topic, "");
    }

    private void Forget()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }
}
