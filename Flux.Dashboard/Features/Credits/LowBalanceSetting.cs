namespace Flux.Dashboard.Features.Credits;

/// <summary>
/// The balance below which a merchant wants to hear about their credits, per mode. A spend that takes the balance from
/// at least the threshold to below it raises <c>credits.low</c> once; the alert re-arms when the balance is back up.
/// </summary>
public sealed class LowBalanceSetting
{
    public const int DefaultThreshold = 20;
    public const int MaxThreshold = 1_000_000;

    public required string MerchantId { get; init; }
    public bool Livemode { get; init; }
    public int Threshold { get; set; }

    /// <summary>True when this spend crosses the threshold downwards: the balance was at least it and is now below.</summary>
    public static bool Crosses(int balanceBefore, int balanceAfter, int threshold) => balanceBefore >= threshold && balanceAfter < threshold;
}
