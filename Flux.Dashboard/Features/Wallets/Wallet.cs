using Flux.Dashboard.Api;

namespace Flux.Dashboard.Features.Wallets;

/// <summary>A merchant's Pi wallet that customers pay into. Removed wallets are kept (orders refer to them).</summary>
public sealed class Wallet : IListedRow
{
    public required string Id { get; init; }
    public required string MerchantId { get; init; }
    public bool Livemode { get; init; }
    public required string Network { get; init; }
    public required string Address { get; init; }
    public string? Label { get; set; }
    public bool IsDefault { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RemovedAt { get; set; }
}
