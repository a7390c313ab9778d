namespace Flux.Dashboard.Chain.Watching;

/// <summary>The durable position of a network's payment stream: the paging token of the last handled record.</summary>
public sealed class StreamCursor
{
    public required string Network { get; init; }
    public required string Cursor { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
