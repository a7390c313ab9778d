namespace Flux.Dashboard.Chain.Horizon.Json;

/// <summary>A record of Horizon's payments endpoints; <c>transaction</c> is present with <c>join=transactions</c>.</summary>
internal sealed class PaymentJson
{
    public string? Id { get; set; }
    public string? PagingToken { get; set; }
    public bool? TransactionSuccessful { get; set; }
    public string? Type { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? TransactionHash { get; set; }
    public string? AssetType { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? ToMuxed { get; set; }
    public string? ToMuxedId { get; set; }
    public string? Amount { get; set; }
    public TransactionJson? Transaction { get; set; }
}
