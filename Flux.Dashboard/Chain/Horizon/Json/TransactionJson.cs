namespace Flux.Dashboard.Chain.Horizon.Json;

internal sealed class TransactionJson
{
    public string? Hash { get; set; }
    public string? PagingToken { get; set; }
    public bool? Successful { get; set; }
    public long? Ledger { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? SourceAccount { get; set; }
    public string? AccountMuxed { get; set; }
    public string? AccountMuxedId { get; set; }
    public string? MemoType { get; set; }
    public string? Memo { get; set; }
}
