namespace Flux.Dashboard.Chain.Horizon;

/// <param name="Id">The last event id at dispatch (it persists across events, as in the SSE spec).</param>
/// <param name="Type">The <c>event:</c> field, or null for the default <c>message</c>.</param>
/// <param name="Payload">
/// The <c>data:</c> lines joined with line feeds. A single data line stays a slice of the line it came in, so a
/// Horizon record is not copied again before it is read.
/// </param>
internal sealed record ServerSentEvent(string? Id, string? Type, ReadOnlyMemory<char> Payload)
{
    public ServerSentEvent(string? id, string? type, string data)
        : this(id, type, data.AsMemory())
    {
    }

    public string Data => Payload.ToString();

    public bool Equals(ServerSentEvent? other) =>
        other is not null && Id == other.Id && Type == other.Type && Payload.Span.SequenceEqual(other.Payload.Span);

    public override int GetHashCode() => HashCode.Combine(Id, Type, string.GetHashCode(Payload.Span));
}
