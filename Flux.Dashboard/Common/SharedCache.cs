using System.Collections.Concurrent;

namespace Flux.Dashboard.Common;

/// <summary>
/// Values read from the database for a hot path, kept in memory per key. Whoever commits a change to what they were read
/// from calls <see cref="InvalidateAsync"/> after the commit: no value read before that call is served after it, here,
/// and the other instances hear of it on <c>topic</c> (<see cref="IOtherInstances"/>, Redis when configured) and drop
/// theirs; a change they never hear of shows there after <c>lifetime</c> at most. Values are shared: read them, never
/// change them.
/// </summary>
public sealed class SharedCache<TKey, TValue> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> entries = new();
    private readonly string topic;
    private readonly TimeSpan lifetime;
    private readonly TimeProvider clock;
    private readonly IOtherInstances others;
    private long generation;

    public SharedCache(string topic, TimeSpan lifetime, TimeProvider clock, IOtherInstances others)
    {
        (this.topic, this.lifetime, this.clock, this.others) = (topic, lifetime, clock, others);
        others.Listen(topic, _ =>
        {
            Forget();
            return Task.CompletedTask;
        });
    }

    private sealed record Entry(TValue Value, long Generation, DateTimeOffset ReadAt);

    /// <summary>The key's value as cached, or as <paramref name="read"/> reads it now.</summary>
    public async Task<TValue> GetAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> read, CancellationToken cancellationToken)
    {
        var current = Interlocked.Read(ref generation);
        if (entries.TryGetValue(key, out var entry) && entry.Generation == current && clock.GetUtcNow() - entry.ReadAt < lifetime)
            return entry.Value;

        var value = await read(key, cancellationToken);
        entries[key] = new Entry(value, current, clock.GetUtcNow());
        return value;
    }

    /// <summary>After a change was committed: no value read before now is served again, here or elsewhere.</summary>
    public Task InvalidateAsync()
    {
        Forget();
        return others.TellAsync(topic, "");
    }

    private void Forget()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }
}
