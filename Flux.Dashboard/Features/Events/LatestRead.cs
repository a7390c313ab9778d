namespace Flux.Dashboard.Features.Events;

/// <summary>
/// Keeps a live page from falling back to an older state. Its reads overlap: two events of one batch, or an event and
/// the page's own click, each start one, and the read that started first (before the latest change committed) can
/// finish last. Only the read started last may show what it read; an older one that finishes after it is dropped.
/// </summary>
/// <remarks>Used on a component's dispatcher, where reads interleave only at their awaits: no locking needed.</remarks>
public sealed class LatestRead
{
    private long started;

    /// <summary>Marks the start of a read; pass what it returns to <see cref="IsLatest"/> once the read is done.</summary>
    public long Begin() => ++started;

    /// <summary>Whether no read began after this one, so what it read is the freshest the page has.</summary>
    public bool IsLatest(long read) => read == started;
}
