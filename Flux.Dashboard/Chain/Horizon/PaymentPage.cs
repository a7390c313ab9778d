namespace Flux.Dashboard.Chain.Horizon;

/// <param name="Records">The well-formed records, in the order asked for.</param>
/// <param name="NextCursor">The cursor of the next page (from <c>_links.next</c>).</param>
/// <param name="MalformedRecords">Records that were logged and skipped because they could not be read exactly.</param>
public sealed record PaymentPage(IReadOnlyList<PaymentRecord> Records, string? NextCursor, int MalformedRecords);
